# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_wxacct_global_optspecs
    string join \n h/help V/version
end

function __fish_wxacct_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_wxacct_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_wxacct_using_subcommand
    set -l cmd (__fish_wxacct_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c wxacct -n "__fish_wxacct_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wxacct -n "__fish_wxacct_needs_command" -s V -l version -d 'Print version'
complete -c wxacct -n "__fish_wxacct_needs_command" -f -a "deactivate" -d 'Plan deleting the WeChat account: checks, dated plan, procedure, what happens after'
complete -c wxacct -n "__fish_wxacct_needs_command" -f -a "realname" -d 'Plan removing or replacing the WeChat Pay real name: methods, checks, dated plan'
complete -c wxacct -n "__fish_wxacct_needs_command" -f -a "unbind-qq" -d 'Plan unbinding the QQ number: path, verification, impacts, risks, aftercare'
complete -c wxacct -n "__fish_wxacct_needs_command" -f -a "troubleshoot" -d 'Explain why a deletion, real-name removal or QQ unbinding failed: ranked causes'
complete -c wxacct -n "__fish_wxacct_needs_command" -f -a "explain" -d 'Explain a record by id: check, method, playbook, conflict, source… (no id: list all)'
complete -c wxacct -n "__fish_wxacct_needs_command" -f -a "schema" -d 'Print the JSON Schema of the state file or of the JSON result'
complete -c wxacct -n "__fish_wxacct_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c wxacct -n "__fish_wxacct_needs_command" -f -a "man" -d 'Print the man page (roff)'
complete -c wxacct -n "__fish_wxacct_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c wxacct -n "__fish_wxacct_using_subcommand deactivate" -l state -d 'Profile state: a .json file (object or array), a .jsonl/.ndjson file, a directory, or - for standard input. Repeatable; flags below override every profile' -r -F
complete -c wxacct -n "__fish_wxacct_using_subcommand deactivate" -l platform -d 'Where you will do it' -r -f -a "android\t''
ios\t''
web\t''"
complete -c wxacct -n "__fish_wxacct_using_subcommand deactivate" -l region -d 'Where the real-name account is held' -r -f -a "mainland\t''
hk-mo-tw\t''
southeast-asia\t''
europe-us\t''
other\t''"
complete -c wxacct -n "__fish_wxacct_using_subcommand deactivate" -l balance -d 'Wallet balance (Balance, "Lingqian") in CNY' -r
complete -c wxacct -n "__fish_wxacct_using_subcommand deactivate" -l licaitong -d 'Money in LiCaiTong and wealth products, in CNY' -r
complete -c wxacct -n "__fish_wxacct_using_subcommand deactivate" -l licaitong-locked-until -d 'Maturity day of an unexpired wealth product, or `none`' -r
complete -c wxacct -n "__fish_wxacct_using_subcommand deactivate" -l pay-score -d 'WeChat Pay Score is switched on' -r -f -a "true\t''
false\t''"
complete -c wxacct -n "__fish_wxacct_using_subcommand deactivate" -l auto-deductions -d 'Number of active auto-deduction contracts' -r
complete -c wxacct -n "__fish_wxacct_using_subcommand deactivate" -l cards -d 'Bound bank cards, replacing the card list (`none` for no card)' -r -f -a "debit\t''
credit\t''
overseas\t''
none\t''"
complete -c wxacct -n "__fish_wxacct_using_subcommand deactivate" -l devices -d 'Other devices that are logged in, replacing the device list (`none` for no device)' -r -f -a "web\t''
windows\t''
mac\t''
pad\t''
watch\t''
iot\t''
none\t''"
complete -c wxacct -n "__fish_wxacct_using_subcommand deactivate" -l teen-mode -d 'The account is in teen mode' -r -f -a "true\t''
false\t''"
complete -c wxacct -n "__fish_wxacct_using_subcommand deactivate" -l legal-hold -d 'An unresolved legal dispute or evidence preservation' -r -f -a "true\t''
false\t''"
complete -c wxacct -n "__fish_wxacct_using_subcommand deactivate" -l status -d 'Account status' -r -f -a "normal\t''
restricted\t''
frozen\t''
banned\t''"
complete -c wxacct -n "__fish_wxacct_using_subcommand deactivate" -l set -d 'Set any state field: PATH=VALUE, VALUE read as JSON or else as a string (e.g. wallet.pay_score_enabled=false). Repeatable. When flags set the same field, the one given last wins' -r
complete -c wxacct -n "__fish_wxacct_using_subcommand deactivate" -l format -d 'Output format [default: table]' -r -f -a "table\t'Readable tables'
json\t'One JSON document'
jsonl\t'One compact JSON result per line'
markdown\t'Markdown'
junit\t'JUnit XML, one test case per profile'"
complete -c wxacct -n "__fish_wxacct_using_subcommand deactivate" -l lang -d 'Text language [default: from LC_ALL, LC_MESSAGES or LANG; zh* gives zh, else en]' -r -f -a "zh\t''
en\t''"
complete -c wxacct -n "__fish_wxacct_using_subcommand deactivate" -l color -d 'When to use colour' -r -f -a "auto\t'Colour when writing to a terminal (NO_COLOR and CLICOLOR_FORCE are honoured)'
always\t''
never\t''"
complete -c wxacct -n "__fish_wxacct_using_subcommand deactivate" -l start -d 'The day you start working through the plan [default: today]' -r
complete -c wxacct -n "__fish_wxacct_using_subcommand deactivate" -l holiday -d 'An extra non-business day. Repeatable' -r
complete -c wxacct -n "__fish_wxacct_using_subcommand deactivate" -l fail-on -d 'Which verdicts make the exit code 1' -r -f -a "blocked\t'Fail when a profile is blocked'
incomplete\t'Fail when a profile is blocked or incomplete'
never\t'Never fail because of a verdict'"
complete -c wxacct -n "__fish_wxacct_using_subcommand deactivate" -l jobs -d 'Worker threads for many profiles [default: all cores]' -r
complete -c wxacct -n "__fish_wxacct_using_subcommand deactivate" -l detail -d 'How much of each result json/jsonl print for many profiles [default: full for json, summary for jsonl]' -r -f -a "summary\t'id, source, verdict, failed and unknown checks, ready date'
full\t'The whole result'"
complete -c wxacct -n "__fish_wxacct_using_subcommand deactivate" -l json -d 'Same as --format json'
complete -c wxacct -n "__fish_wxacct_using_subcommand deactivate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wxacct -n "__fish_wxacct_using_subcommand deactivate" -s V -l version -d 'Print version'
complete -c wxacct -n "__fish_wxacct_using_subcommand realname" -l goal -d 'What to achieve: keep the account and cut ties, hand the real name to someone else, or clear it completely' -r -f -a "minimize\t'Keep the account and cut real-name ties (unbind the cards)'
replace\t'Move the real name to another person'
remove\t'Clear the real name completely (only deleting the account does)'"
complete -c wxacct -n "__fish_wxacct_using_subcommand realname" -l state -d 'Profile state: a .json file (object or array), a .jsonl/.ndjson file, a directory, or - for standard input. Repeatable; flags below override every profile' -r -F
complete -c wxacct -n "__fish_wxacct_using_subcommand realname" -l platform -d 'Where you will do it' -r -f -a "android\t''
ios\t''
web\t''"
complete -c wxacct -n "__fish_wxacct_using_subcommand realname" -l region -d 'Where the real-name account is held' -r -f -a "mainland\t''
hk-mo-tw\t''
southeast-asia\t''
europe-us\t''
other\t''"
complete -c wxacct -n "__fish_wxacct_using_subcommand realname" -l balance -d 'Wallet balance (Balance, "Lingqian") in CNY' -r
complete -c wxacct -n "__fish_wxacct_using_subcommand realname" -l licaitong -d 'Money in LiCaiTong and wealth products, in CNY' -r
complete -c wxacct -n "__fish_wxacct_using_subcommand realname" -l licaitong-locked-until -d 'Maturity day of an unexpired wealth product, or `none`' -r
complete -c wxacct -n "__fish_wxacct_using_subcommand realname" -l pay-score -d 'WeChat Pay Score is switched on' -r -f -a "true\t''
false\t''"
complete -c wxacct -n "__fish_wxacct_using_subcommand realname" -l auto-deductions -d 'Number of active auto-deduction contracts' -r
complete -c wxacct -n "__fish_wxacct_using_subcommand realname" -l cards -d 'Bound bank cards, replacing the card list (`none` for no card)' -r -f -a "debit\t''
credit\t''
overseas\t''
none\t''"
complete -c wxacct -n "__fish_wxacct_using_subcommand realname" -l devices -d 'Other devices that are logged in, replacing the device list (`none` for no device)' -r -f -a "web\t''
windows\t''
mac\t''
pad\t''
watch\t''
iot\t''
none\t''"
complete -c wxacct -n "__fish_wxacct_using_subcommand realname" -l teen-mode -d 'The account is in teen mode' -r -f -a "true\t''
false\t''"
complete -c wxacct -n "__fish_wxacct_using_subcommand realname" -l legal-hold -d 'An unresolved legal dispute or evidence preservation' -r -f -a "true\t''
false\t''"
complete -c wxacct -n "__fish_wxacct_using_subcommand realname" -l status -d 'Account status' -r -f -a "normal\t''
restricted\t''
frozen\t''
banned\t''"
complete -c wxacct -n "__fish_wxacct_using_subcommand realname" -l set -d 'Set any state field: PATH=VALUE, VALUE read as JSON or else as a string (e.g. wallet.pay_score_enabled=false). Repeatable. When flags set the same field, the one given last wins' -r
complete -c wxacct -n "__fish_wxacct_using_subcommand realname" -l format -d 'Output format [default: table]' -r -f -a "table\t'Readable tables'
json\t'One JSON document'
jsonl\t'One compact JSON result per line'
markdown\t'Markdown'
junit\t'JUnit XML, one test case per profile'"
complete -c wxacct -n "__fish_wxacct_using_subcommand realname" -l lang -d 'Text language [default: from LC_ALL, LC_MESSAGES or LANG; zh* gives zh, else en]' -r -f -a "zh\t''
en\t''"
complete -c wxacct -n "__fish_wxacct_using_subcommand realname" -l color -d 'When to use colour' -r -f -a "auto\t'Colour when writing to a terminal (NO_COLOR and CLICOLOR_FORCE are honoured)'
always\t''
never\t''"
complete -c wxacct -n "__fish_wxacct_using_subcommand realname" -l start -d 'The day you start working through the plan [default: today]' -r
complete -c wxacct -n "__fish_wxacct_using_subcommand realname" -l holiday -d 'An extra non-business day. Repeatable' -r
complete -c wxacct -n "__fish_wxacct_using_subcommand realname" -l fail-on -d 'Which verdicts make the exit code 1' -r -f -a "blocked\t'Fail when a profile is blocked'
incomplete\t'Fail when a profile is blocked or incomplete'
never\t'Never fail because of a verdict'"
complete -c wxacct -n "__fish_wxacct_using_subcommand realname" -l jobs -d 'Worker threads for many profiles [default: all cores]' -r
complete -c wxacct -n "__fish_wxacct_using_subcommand realname" -l detail -d 'How much of each result json/jsonl print for many profiles [default: full for json, summary for jsonl]' -r -f -a "summary\t'id, source, verdict, failed and unknown checks, ready date'
full\t'The whole result'"
complete -c wxacct -n "__fish_wxacct_using_subcommand realname" -l json -d 'Same as --format json'
complete -c wxacct -n "__fish_wxacct_using_subcommand realname" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wxacct -n "__fish_wxacct_using_subcommand realname" -s V -l version -d 'Print version'
complete -c wxacct -n "__fish_wxacct_using_subcommand unbind-qq" -l state -d 'Profile state: a .json file (object or array), a .jsonl/.ndjson file, a directory, or - for standard input. Repeatable; flags below override every profile' -r -F
complete -c wxacct -n "__fish_wxacct_using_subcommand unbind-qq" -l platform -d 'Where you will do it' -r -f -a "android\t''
ios\t''
web\t''"
complete -c wxacct -n "__fish_wxacct_using_subcommand unbind-qq" -l region -d 'Where the real-name account is held' -r -f -a "mainland\t''
hk-mo-tw\t''
southeast-asia\t''
europe-us\t''
other\t''"
complete -c wxacct -n "__fish_wxacct_using_subcommand unbind-qq" -l balance -d 'Wallet balance (Balance, "Lingqian") in CNY' -r
complete -c wxacct -n "__fish_wxacct_using_subcommand unbind-qq" -l licaitong -d 'Money in LiCaiTong and wealth products, in CNY' -r
complete -c wxacct -n "__fish_wxacct_using_subcommand unbind-qq" -l licaitong-locked-until -d 'Maturity day of an unexpired wealth product, or `none`' -r
complete -c wxacct -n "__fish_wxacct_using_subcommand unbind-qq" -l pay-score -d 'WeChat Pay Score is switched on' -r -f -a "true\t''
false\t''"
complete -c wxacct -n "__fish_wxacct_using_subcommand unbind-qq" -l auto-deductions -d 'Number of active auto-deduction contracts' -r
complete -c wxacct -n "__fish_wxacct_using_subcommand unbind-qq" -l cards -d 'Bound bank cards, replacing the card list (`none` for no card)' -r -f -a "debit\t''
credit\t''
overseas\t''
none\t''"
complete -c wxacct -n "__fish_wxacct_using_subcommand unbind-qq" -l devices -d 'Other devices that are logged in, replacing the device list (`none` for no device)' -r -f -a "web\t''
windows\t''
mac\t''
pad\t''
watch\t''
iot\t''
none\t''"
complete -c wxacct -n "__fish_wxacct_using_subcommand unbind-qq" -l teen-mode -d 'The account is in teen mode' -r -f -a "true\t''
false\t''"
complete -c wxacct -n "__fish_wxacct_using_subcommand unbind-qq" -l legal-hold -d 'An unresolved legal dispute or evidence preservation' -r -f -a "true\t''
false\t''"
complete -c wxacct -n "__fish_wxacct_using_subcommand unbind-qq" -l status -d 'Account status' -r -f -a "normal\t''
restricted\t''
frozen\t''
banned\t''"
complete -c wxacct -n "__fish_wxacct_using_subcommand unbind-qq" -l set -d 'Set any state field: PATH=VALUE, VALUE read as JSON or else as a string (e.g. wallet.pay_score_enabled=false). Repeatable. When flags set the same field, the one given last wins' -r
complete -c wxacct -n "__fish_wxacct_using_subcommand unbind-qq" -l format -d 'Output format [default: table]' -r -f -a "table\t'Readable tables'
json\t'One JSON document'
jsonl\t'One compact JSON result per line'
markdown\t'Markdown'
junit\t'JUnit XML, one test case per profile'"
complete -c wxacct -n "__fish_wxacct_using_subcommand unbind-qq" -l lang -d 'Text language [default: from LC_ALL, LC_MESSAGES or LANG; zh* gives zh, else en]' -r -f -a "zh\t''
en\t''"
complete -c wxacct -n "__fish_wxacct_using_subcommand unbind-qq" -l color -d 'When to use colour' -r -f -a "auto\t'Colour when writing to a terminal (NO_COLOR and CLICOLOR_FORCE are honoured)'
always\t''
never\t''"
complete -c wxacct -n "__fish_wxacct_using_subcommand unbind-qq" -l start -d 'The day you start working through the plan [default: today]' -r
complete -c wxacct -n "__fish_wxacct_using_subcommand unbind-qq" -l holiday -d 'An extra non-business day. Repeatable' -r
complete -c wxacct -n "__fish_wxacct_using_subcommand unbind-qq" -l fail-on -d 'Which verdicts make the exit code 1' -r -f -a "blocked\t'Fail when a profile is blocked'
incomplete\t'Fail when a profile is blocked or incomplete'
never\t'Never fail because of a verdict'"
complete -c wxacct -n "__fish_wxacct_using_subcommand unbind-qq" -l jobs -d 'Worker threads for many profiles [default: all cores]' -r
complete -c wxacct -n "__fish_wxacct_using_subcommand unbind-qq" -l detail -d 'How much of each result json/jsonl print for many profiles [default: full for json, summary for jsonl]' -r -f -a "summary\t'id, source, verdict, failed and unknown checks, ready date'
full\t'The whole result'"
complete -c wxacct -n "__fish_wxacct_using_subcommand unbind-qq" -l json -d 'Same as --format json'
complete -c wxacct -n "__fish_wxacct_using_subcommand unbind-qq" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wxacct -n "__fish_wxacct_using_subcommand unbind-qq" -s V -l version -d 'Print version'
complete -c wxacct -n "__fish_wxacct_using_subcommand troubleshoot" -l symptom -d 'A symptom to explain, by id (see --list-symptoms). Repeatable. Without it: every cause the profile shows, across all symptoms' -r
complete -c wxacct -n "__fish_wxacct_using_subcommand troubleshoot" -l state -d 'Profile state: a .json file (object or array), a .jsonl/.ndjson file, a directory, or - for standard input. Repeatable; flags below override every profile' -r -F
complete -c wxacct -n "__fish_wxacct_using_subcommand troubleshoot" -l platform -d 'Where you will do it' -r -f -a "android\t''
ios\t''
web\t''"
complete -c wxacct -n "__fish_wxacct_using_subcommand troubleshoot" -l region -d 'Where the real-name account is held' -r -f -a "mainland\t''
hk-mo-tw\t''
southeast-asia\t''
europe-us\t''
other\t''"
complete -c wxacct -n "__fish_wxacct_using_subcommand troubleshoot" -l balance -d 'Wallet balance (Balance, "Lingqian") in CNY' -r
complete -c wxacct -n "__fish_wxacct_using_subcommand troubleshoot" -l licaitong -d 'Money in LiCaiTong and wealth products, in CNY' -r
complete -c wxacct -n "__fish_wxacct_using_subcommand troubleshoot" -l licaitong-locked-until -d 'Maturity day of an unexpired wealth product, or `none`' -r
complete -c wxacct -n "__fish_wxacct_using_subcommand troubleshoot" -l pay-score -d 'WeChat Pay Score is switched on' -r -f -a "true\t''
false\t''"
complete -c wxacct -n "__fish_wxacct_using_subcommand troubleshoot" -l auto-deductions -d 'Number of active auto-deduction contracts' -r
complete -c wxacct -n "__fish_wxacct_using_subcommand troubleshoot" -l cards -d 'Bound bank cards, replacing the card list (`none` for no card)' -r -f -a "debit\t''
credit\t''
overseas\t''
none\t''"
complete -c wxacct -n "__fish_wxacct_using_subcommand troubleshoot" -l devices -d 'Other devices that are logged in, replacing the device list (`none` for no device)' -r -f -a "web\t''
windows\t''
mac\t''
pad\t''
watch\t''
iot\t''
none\t''"
complete -c wxacct -n "__fish_wxacct_using_subcommand troubleshoot" -l teen-mode -d 'The account is in teen mode' -r -f -a "true\t''
false\t''"
complete -c wxacct -n "__fish_wxacct_using_subcommand troubleshoot" -l legal-hold -d 'An unresolved legal dispute or evidence preservation' -r -f -a "true\t''
false\t''"
complete -c wxacct -n "__fish_wxacct_using_subcommand troubleshoot" -l status -d 'Account status' -r -f -a "normal\t''
restricted\t''
frozen\t''
banned\t''"
complete -c wxacct -n "__fish_wxacct_using_subcommand troubleshoot" -l set -d 'Set any state field: PATH=VALUE, VALUE read as JSON or else as a string (e.g. wallet.pay_score_enabled=false). Repeatable. When flags set the same field, the one given last wins' -r
complete -c wxacct -n "__fish_wxacct_using_subcommand troubleshoot" -l format -d 'Output format [default: table]' -r -f -a "table\t'Readable tables'
json\t'One JSON document'
jsonl\t'One compact JSON result per line'
markdown\t'Markdown'
junit\t'JUnit XML, one test case per profile'"
complete -c wxacct -n "__fish_wxacct_using_subcommand troubleshoot" -l lang -d 'Text language [default: from LC_ALL, LC_MESSAGES or LANG; zh* gives zh, else en]' -r -f -a "zh\t''
en\t''"
complete -c wxacct -n "__fish_wxacct_using_subcommand troubleshoot" -l color -d 'When to use colour' -r -f -a "auto\t'Colour when writing to a terminal (NO_COLOR and CLICOLOR_FORCE are honoured)'
always\t''
never\t''"
complete -c wxacct -n "__fish_wxacct_using_subcommand troubleshoot" -l start -d 'The day you start working through the plan [default: today]' -r
complete -c wxacct -n "__fish_wxacct_using_subcommand troubleshoot" -l holiday -d 'An extra non-business day. Repeatable' -r
complete -c wxacct -n "__fish_wxacct_using_subcommand troubleshoot" -l fail-on -d 'Which verdicts make the exit code 1' -r -f -a "blocked\t'Fail when a profile is blocked'
incomplete\t'Fail when a profile is blocked or incomplete'
never\t'Never fail because of a verdict'"
complete -c wxacct -n "__fish_wxacct_using_subcommand troubleshoot" -l jobs -d 'Worker threads for many profiles [default: all cores]' -r
complete -c wxacct -n "__fish_wxacct_using_subcommand troubleshoot" -l detail -d 'How much of each result json/jsonl print for many profiles [default: full for json, summary for jsonl]' -r -f -a "summary\t'id, source, verdict, failed and unknown checks, ready date'
full\t'The whole result'"
complete -c wxacct -n "__fish_wxacct_using_subcommand troubleshoot" -l list-symptoms -d 'Print every symptom id with a one-line description, and exit'
complete -c wxacct -n "__fish_wxacct_using_subcommand troubleshoot" -l json -d 'Same as --format json'
complete -c wxacct -n "__fish_wxacct_using_subcommand troubleshoot" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wxacct -n "__fish_wxacct_using_subcommand troubleshoot" -s V -l version -d 'Print version'
complete -c wxacct -n "__fish_wxacct_using_subcommand explain" -l lang -d 'Text language [default: from the locale]' -r -f -a "zh\t''
en\t''"
complete -c wxacct -n "__fish_wxacct_using_subcommand explain" -l json -d 'Print JSON instead of text'
complete -c wxacct -n "__fish_wxacct_using_subcommand explain" -s h -l help -d 'Print help'
complete -c wxacct -n "__fish_wxacct_using_subcommand explain" -s V -l version -d 'Print version'
complete -c wxacct -n "__fish_wxacct_using_subcommand schema" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c wxacct -n "__fish_wxacct_using_subcommand schema" -s V -l version -d 'Print version'
complete -c wxacct -n "__fish_wxacct_using_subcommand completions" -s h -l help -d 'Print help'
complete -c wxacct -n "__fish_wxacct_using_subcommand completions" -s V -l version -d 'Print version'
complete -c wxacct -n "__fish_wxacct_using_subcommand man" -s h -l help -d 'Print help'
complete -c wxacct -n "__fish_wxacct_using_subcommand man" -s V -l version -d 'Print version'
complete -c wxacct -n "__fish_wxacct_using_subcommand help; and not __fish_seen_subcommand_from deactivate realname unbind-qq troubleshoot explain schema completions man help" -f -a "deactivate" -d 'Plan deleting the WeChat account: checks, dated plan, procedure, what happens after'
complete -c wxacct -n "__fish_wxacct_using_subcommand help; and not __fish_seen_subcommand_from deactivate realname unbind-qq troubleshoot explain schema completions man help" -f -a "realname" -d 'Plan removing or replacing the WeChat Pay real name: methods, checks, dated plan'
complete -c wxacct -n "__fish_wxacct_using_subcommand help; and not __fish_seen_subcommand_from deactivate realname unbind-qq troubleshoot explain schema completions man help" -f -a "unbind-qq" -d 'Plan unbinding the QQ number: path, verification, impacts, risks, aftercare'
complete -c wxacct -n "__fish_wxacct_using_subcommand help; and not __fish_seen_subcommand_from deactivate realname unbind-qq troubleshoot explain schema completions man help" -f -a "troubleshoot" -d 'Explain why a deletion, real-name removal or QQ unbinding failed: ranked causes'
complete -c wxacct -n "__fish_wxacct_using_subcommand help; and not __fish_seen_subcommand_from deactivate realname unbind-qq troubleshoot explain schema completions man help" -f -a "explain" -d 'Explain a record by id: check, method, playbook, conflict, source… (no id: list all)'
complete -c wxacct -n "__fish_wxacct_using_subcommand help; and not __fish_seen_subcommand_from deactivate realname unbind-qq troubleshoot explain schema completions man help" -f -a "schema" -d 'Print the JSON Schema of the state file or of the JSON result'
complete -c wxacct -n "__fish_wxacct_using_subcommand help; and not __fish_seen_subcommand_from deactivate realname unbind-qq troubleshoot explain schema completions man help" -f -a "completions" -d 'Print a shell completion script'
complete -c wxacct -n "__fish_wxacct_using_subcommand help; and not __fish_seen_subcommand_from deactivate realname unbind-qq troubleshoot explain schema completions man help" -f -a "man" -d 'Print the man page (roff)'
complete -c wxacct -n "__fish_wxacct_using_subcommand help; and not __fish_seen_subcommand_from deactivate realname unbind-qq troubleshoot explain schema completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
