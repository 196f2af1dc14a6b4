
use builtin;
use str;

set edit:completion:arg-completer[wxacct] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'wxacct'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'wxacct'= {
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand deactivate 'Plan deleting the WeChat account: checks, dated plan, procedure, what happens after'
            cand realname 'Plan removing or replacing the WeChat Pay real name: methods, checks, dated plan'
            cand unbind-qq 'Plan unbinding the QQ number: path, verification, impacts, risks, aftercare'
            cand troubleshoot 'Explain why a deletion, real-name removal or QQ unbinding failed: ranked causes'
            cand explain 'Explain a record by id: check, method, playbook, conflict, source… (no id: list all)'
            cand schema 'Print the JSON Schema of the state file or of the JSON result'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page (roff)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'wxacct;deactivate'= {
            cand --state 'Profile state: a .json file (object or array), a .jsonl/.ndjson file, a directory, or - for standard input. Repeatable; flags below override every profile'
            cand --platform 'Where you will do it'
            cand --region 'Where the real-name account is held'
            cand --balance 'Wallet balance (Balance, "Lingqian") in CNY'
            cand --licaitong 'Money in LiCaiTong and wealth products, in CNY'
            cand --licaitong-locked-until 'Maturity day of an unexpired wealth product, or `none`'
            cand --pay-score 'WeChat Pay Score is switched on'
            cand --auto-deductions 'Number of active auto-deduction contracts'
            cand --cards 'Bound bank cards, replacing the card list (`none` for no card)'
            cand --devices 'Other devices that are logged in, replacing the device list (`none` for no device)'
            cand --teen-mode 'The account is in teen mode'
            cand --legal-hold 'An unresolved legal dispute or evidence preservation'
            cand --status 'Account status'
            cand --set 'Set any state field: PATH=VALUE, VALUE read as JSON or else as a string (e.g. wallet.pay_score_enabled=false). Repeatable. When flags set the same field, the one given last wins'
            cand --format 'Output format [default: table]'
            cand --lang 'Text language [default: from LC_ALL, LC_MESSAGES or LANG; zh* gives zh, else en]'
            cand --color 'When to use colour'
            cand --start 'The day you start working through the plan [default: today]'
            cand --holiday 'An extra non-business day. Repeatable'
            cand --fail-on 'Which verdicts make the exit code 1'
            cand --jobs 'Worker threads for many profiles [default: all cores]'
            cand --detail 'How much of each result json/jsonl print for many profiles [default: full for json, summary for jsonl]'
            cand --json 'Same as --format json'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'wxacct;realname'= {
            cand --goal 'What to achieve: keep the account and cut ties, hand the real name to someone else, or clear it completely'
            cand --state 'Profile state: a .json file (object or array), a .jsonl/.ndjson file, a directory, or - for standard input. Repeatable; flags below override every profile'
            cand --platform 'Where you will do it'
            cand --region 'Where the real-name account is held'
            cand --balance 'Wallet balance (Balance, "Lingqian") in CNY'
            cand --licaitong 'Money in LiCaiTong and wealth products, in CNY'
            cand --licaitong-locked-until 'Maturity day of an unexpired wealth product, or `none`'
            cand --pay-score 'WeChat Pay Score is switched on'
            cand --auto-deductions 'Number of active auto-deduction contracts'
            cand --cards 'Bound bank cards, replacing the card list (`none` for no card)'
            cand --devices 'Other devices that are logged in, replacing the device list (`none` for no device)'
            cand --teen-mode 'The account is in teen mode'
            cand --legal-hold 'An unresolved legal dispute or evidence preservation'
            cand --status 'Account status'
            cand --set 'Set any state field: PATH=VALUE, VALUE read as JSON or else as a string (e.g. wallet.pay_score_enabled=false). Repeatable. When flags set the same field, the one given last wins'
            cand --format 'Output format [default: table]'
            cand --lang 'Text language [default: from LC_ALL, LC_MESSAGES or LANG; zh* gives zh, else en]'
            cand --color 'When to use colour'
            cand --start 'The day you start working through the plan [default: today]'
            cand --holiday 'An extra non-business day. Repeatable'
            cand --fail-on 'Which verdicts make the exit code 1'
            cand --jobs 'Worker threads for many profiles [default: all cores]'
            cand --detail 'How much of each result json/jsonl print for many profiles [default: full for json, summary for jsonl]'
            cand --json 'Same as --format json'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'wxacct;unbind-qq'= {
            cand --state 'Profile state: a .json file (object or array), a .jsonl/.ndjson file, a directory, or - for standard input. Repeatable; flags below override every profile'
            cand --platform 'Where you will do it'
            cand --region 'Where the real-name account is held'
            cand --balance 'Wallet balance (Balance, "Lingqian") in CNY'
            cand --licaitong 'Money in LiCaiTong and wealth products, in CNY'
            cand --licaitong-locked-until 'Maturity day of an unexpired wealth product, or `none`'
            cand --pay-score 'WeChat Pay Score is switched on'
            cand --auto-deductions 'Number of active auto-deduction contracts'
            cand --cards 'Bound bank cards, replacing the card list (`none` for no card)'
            cand --devices 'Other devices that are logged in, replacing the device list (`none` for no device)'
            cand --teen-mode 'The account is in teen mode'
            cand --legal-hold 'An unresolved legal dispute or evidence preservation'
            cand --status 'Account status'
            cand --set 'Set any state field: PATH=VALUE, VALUE read as JSON or else as a string (e.g. wallet.pay_score_enabled=false). Repeatable. When flags set the same field, the one given last wins'
            cand --format 'Output format [default: table]'
            cand --lang 'Text language [default: from LC_ALL, LC_MESSAGES or LANG; zh* gives zh, else en]'
            cand --color 'When to use colour'
            cand --start 'The day you start working through the plan [default: today]'
            cand --holiday 'An extra non-business day. Repeatable'
            cand --fail-on 'Which verdicts make the exit code 1'
            cand --jobs 'Worker threads for many profiles [default: all cores]'
            cand --detail 'How much of each result json/jsonl print for many profiles [default: full for json, summary for jsonl]'
            cand --json 'Same as --format json'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'wxacct;troubleshoot'= {
            cand --symptom 'A symptom to explain, by id (see --list-symptoms). Repeatable. Without it: every cause the profile shows, across all symptoms'
            cand --state 'Profile state: a .json file (object or array), a .jsonl/.ndjson file, a directory, or - for standard input. Repeatable; flags below override every profile'
            cand --platform 'Where you will do it'
            cand --region 'Where the real-name account is held'
            cand --balance 'Wallet balance (Balance, "Lingqian") in CNY'
            cand --licaitong 'Money in LiCaiTong and wealth products, in CNY'
            cand --licaitong-locked-until 'Maturity day of an unexpired wealth product, or `none`'
            cand --pay-score 'WeChat Pay Score is switched on'
            cand --auto-deductions 'Number of active auto-deduction contracts'
            cand --cards 'Bound bank cards, replacing the card list (`none` for no card)'
            cand --devices 'Other devices that are logged in, replacing the device list (`none` for no device)'
            cand --teen-mode 'The account is in teen mode'
            cand --legal-hold 'An unresolved legal dispute or evidence preservation'
            cand --status 'Account status'
            cand --set 'Set any state field: PATH=VALUE, VALUE read as JSON or else as a string (e.g. wallet.pay_score_enabled=false). Repeatable. When flags set the same field, the one given last wins'
            cand --format 'Output format [default: table]'
            cand --lang 'Text language [default: from LC_ALL, LC_MESSAGES or LANG; zh* gives zh, else en]'
            cand --color 'When to use colour'
            cand --start 'The day you start working through the plan [default: today]'
            cand --holiday 'An extra non-business day. Repeatable'
            cand --fail-on 'Which verdicts make the exit code 1'
            cand --jobs 'Worker threads for many profiles [default: all cores]'
            cand --detail 'How much of each result json/jsonl print for many profiles [default: full for json, summary for jsonl]'
            cand --list-symptoms 'Print every symptom id with a one-line description, and exit'
            cand --json 'Same as --format json'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'wxacct;explain'= {
            cand --lang 'Text language [default: from the locale]'
            cand --json 'Print JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'wxacct;schema'= {
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'wxacct;completions'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'wxacct;man'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'wxacct;help'= {
            cand deactivate 'Plan deleting the WeChat account: checks, dated plan, procedure, what happens after'
            cand realname 'Plan removing or replacing the WeChat Pay real name: methods, checks, dated plan'
            cand unbind-qq 'Plan unbinding the QQ number: path, verification, impacts, risks, aftercare'
            cand troubleshoot 'Explain why a deletion, real-name removal or QQ unbinding failed: ranked causes'
            cand explain 'Explain a record by id: check, method, playbook, conflict, source… (no id: list all)'
            cand schema 'Print the JSON Schema of the state file or of the JSON result'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page (roff)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'wxacct;help;deactivate'= {
        }
        &'wxacct;help;realname'= {
        }
        &'wxacct;help;unbind-qq'= {
        }
        &'wxacct;help;troubleshoot'= {
        }
        &'wxacct;help;explain'= {
        }
        &'wxacct;help;schema'= {
        }
        &'wxacct;help;completions'= {
        }
        &'wxacct;help;man'= {
        }
        &'wxacct;help;help'= {
        }
    ]
    $completions[$command]
}
