
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'wxacct' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'wxacct'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'wxacct' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('deactivate', 'deactivate', [CompletionResultType]::ParameterValue, 'Plan deleting the WeChat account: checks, dated plan, procedure, what happens after')
            [CompletionResult]::new('realname', 'realname', [CompletionResultType]::ParameterValue, 'Plan removing or replacing the WeChat Pay real name: methods, checks, dated plan')
            [CompletionResult]::new('unbind-qq', 'unbind-qq', [CompletionResultType]::ParameterValue, 'Plan unbinding the QQ number: path, verification, impacts, risks, aftercare')
            [CompletionResult]::new('troubleshoot', 'troubleshoot', [CompletionResultType]::ParameterValue, 'Explain why a deletion, real-name removal or QQ unbinding failed: ranked causes')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Explain a record by id: check, method, playbook, conflict, source… (no id: list all)')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the JSON Schema of the state file or of the JSON result')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'wxacct;deactivate' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Profile state: a .json file (object or array), a .jsonl/.ndjson file, a directory, or - for standard input. Repeatable; flags below override every profile')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Where you will do it')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Where the real-name account is held')
            [CompletionResult]::new('--balance', '--balance', [CompletionResultType]::ParameterName, 'Wallet balance (Balance, "Lingqian") in CNY')
            [CompletionResult]::new('--licaitong', '--licaitong', [CompletionResultType]::ParameterName, 'Money in LiCaiTong and wealth products, in CNY')
            [CompletionResult]::new('--licaitong-locked-until', '--licaitong-locked-until', [CompletionResultType]::ParameterName, 'Maturity day of an unexpired wealth product, or `none`')
            [CompletionResult]::new('--pay-score', '--pay-score', [CompletionResultType]::ParameterName, 'WeChat Pay Score is switched on')
            [CompletionResult]::new('--auto-deductions', '--auto-deductions', [CompletionResultType]::ParameterName, 'Number of active auto-deduction contracts')
            [CompletionResult]::new('--cards', '--cards', [CompletionResultType]::ParameterName, 'Bound bank cards, replacing the card list (`none` for no card)')
            [CompletionResult]::new('--devices', '--devices', [CompletionResultType]::ParameterName, 'Other devices that are logged in, replacing the device list (`none` for no device)')
            [CompletionResult]::new('--teen-mode', '--teen-mode', [CompletionResultType]::ParameterName, 'The account is in teen mode')
            [CompletionResult]::new('--legal-hold', '--legal-hold', [CompletionResultType]::ParameterName, 'An unresolved legal dispute or evidence preservation')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Account status')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Set any state field: PATH=VALUE, VALUE read as JSON or else as a string (e.g. wallet.pay_score_enabled=false). Repeatable. When flags set the same field, the one given last wins')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Text language [default: from LC_ALL, LC_MESSAGES or LANG; zh* gives zh, else en]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--start', '--start', [CompletionResultType]::ParameterName, 'The day you start working through the plan [default: today]')
            [CompletionResult]::new('--holiday', '--holiday', [CompletionResultType]::ParameterName, 'An extra non-business day. Repeatable')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Which verdicts make the exit code 1')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads for many profiles [default: all cores]')
            [CompletionResult]::new('--detail', '--detail', [CompletionResultType]::ParameterName, 'How much of each result json/jsonl print for many profiles [default: full for json, summary for jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'wxacct;realname' {
            [CompletionResult]::new('--goal', '--goal', [CompletionResultType]::ParameterName, 'What to achieve: keep the account and cut ties, hand the real name to someone else, or clear it completely')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Profile state: a .json file (object or array), a .jsonl/.ndjson file, a directory, or - for standard input. Repeatable; flags below override every profile')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Where you will do it')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Where the real-name account is held')
            [CompletionResult]::new('--balance', '--balance', [CompletionResultType]::ParameterName, 'Wallet balance (Balance, "Lingqian") in CNY')
            [CompletionResult]::new('--licaitong', '--licaitong', [CompletionResultType]::ParameterName, 'Money in LiCaiTong and wealth products, in CNY')
            [CompletionResult]::new('--licaitong-locked-until', '--licaitong-locked-until', [CompletionResultType]::ParameterName, 'Maturity day of an unexpired wealth product, or `none`')
            [CompletionResult]::new('--pay-score', '--pay-score', [CompletionResultType]::ParameterName, 'WeChat Pay Score is switched on')
            [CompletionResult]::new('--auto-deductions', '--auto-deductions', [CompletionResultType]::ParameterName, 'Number of active auto-deduction contracts')
            [CompletionResult]::new('--cards', '--cards', [CompletionResultType]::ParameterName, 'Bound bank cards, replacing the card list (`none` for no card)')
            [CompletionResult]::new('--devices', '--devices', [CompletionResultType]::ParameterName, 'Other devices that are logged in, replacing the device list (`none` for no device)')
            [CompletionResult]::new('--teen-mode', '--teen-mode', [CompletionResultType]::ParameterName, 'The account is in teen mode')
            [CompletionResult]::new('--legal-hold', '--legal-hold', [CompletionResultType]::ParameterName, 'An unresolved legal dispute or evidence preservation')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Account status')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Set any state field: PATH=VALUE, VALUE read as JSON or else as a string (e.g. wallet.pay_score_enabled=false). Repeatable. When flags set the same field, the one given last wins')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Text language [default: from LC_ALL, LC_MESSAGES or LANG; zh* gives zh, else en]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--start', '--start', [CompletionResultType]::ParameterName, 'The day you start working through the plan [default: today]')
            [CompletionResult]::new('--holiday', '--holiday', [CompletionResultType]::ParameterName, 'An extra non-business day. Repeatable')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Which verdicts make the exit code 1')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads for many profiles [default: all cores]')
            [CompletionResult]::new('--detail', '--detail', [CompletionResultType]::ParameterName, 'How much of each result json/jsonl print for many profiles [default: full for json, summary for jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'wxacct;unbind-qq' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Profile state: a .json file (object or array), a .jsonl/.ndjson file, a directory, or - for standard input. Repeatable; flags below override every profile')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Where you will do it')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Where the real-name account is held')
            [CompletionResult]::new('--balance', '--balance', [CompletionResultType]::ParameterName, 'Wallet balance (Balance, "Lingqian") in CNY')
            [CompletionResult]::new('--licaitong', '--licaitong', [CompletionResultType]::ParameterName, 'Money in LiCaiTong and wealth products, in CNY')
            [CompletionResult]::new('--licaitong-locked-until', '--licaitong-locked-until', [CompletionResultType]::ParameterName, 'Maturity day of an unexpired wealth product, or `none`')
            [CompletionResult]::new('--pay-score', '--pay-score', [CompletionResultType]::ParameterName, 'WeChat Pay Score is switched on')
            [CompletionResult]::new('--auto-deductions', '--auto-deductions', [CompletionResultType]::ParameterName, 'Number of active auto-deduction contracts')
            [CompletionResult]::new('--cards', '--cards', [CompletionResultType]::ParameterName, 'Bound bank cards, replacing the card list (`none` for no card)')
            [CompletionResult]::new('--devices', '--devices', [CompletionResultType]::ParameterName, 'Other devices that are logged in, replacing the device list (`none` for no device)')
            [CompletionResult]::new('--teen-mode', '--teen-mode', [CompletionResultType]::ParameterName, 'The account is in teen mode')
            [CompletionResult]::new('--legal-hold', '--legal-hold', [CompletionResultType]::ParameterName, 'An unresolved legal dispute or evidence preservation')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Account status')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Set any state field: PATH=VALUE, VALUE read as JSON or else as a string (e.g. wallet.pay_score_enabled=false). Repeatable. When flags set the same field, the one given last wins')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Text language [default: from LC_ALL, LC_MESSAGES or LANG; zh* gives zh, else en]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--start', '--start', [CompletionResultType]::ParameterName, 'The day you start working through the plan [default: today]')
            [CompletionResult]::new('--holiday', '--holiday', [CompletionResultType]::ParameterName, 'An extra non-business day. Repeatable')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Which verdicts make the exit code 1')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads for many profiles [default: all cores]')
            [CompletionResult]::new('--detail', '--detail', [CompletionResultType]::ParameterName, 'How much of each result json/jsonl print for many profiles [default: full for json, summary for jsonl]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'wxacct;troubleshoot' {
            [CompletionResult]::new('--symptom', '--symptom', [CompletionResultType]::ParameterName, 'A symptom to explain, by id (see --list-symptoms). Repeatable. Without it: every cause the profile shows, across all symptoms')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Profile state: a .json file (object or array), a .jsonl/.ndjson file, a directory, or - for standard input. Repeatable; flags below override every profile')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Where you will do it')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Where the real-name account is held')
            [CompletionResult]::new('--balance', '--balance', [CompletionResultType]::ParameterName, 'Wallet balance (Balance, "Lingqian") in CNY')
            [CompletionResult]::new('--licaitong', '--licaitong', [CompletionResultType]::ParameterName, 'Money in LiCaiTong and wealth products, in CNY')
            [CompletionResult]::new('--licaitong-locked-until', '--licaitong-locked-until', [CompletionResultType]::ParameterName, 'Maturity day of an unexpired wealth product, or `none`')
            [CompletionResult]::new('--pay-score', '--pay-score', [CompletionResultType]::ParameterName, 'WeChat Pay Score is switched on')
            [CompletionResult]::new('--auto-deductions', '--auto-deductions', [CompletionResultType]::ParameterName, 'Number of active auto-deduction contracts')
            [CompletionResult]::new('--cards', '--cards', [CompletionResultType]::ParameterName, 'Bound bank cards, replacing the card list (`none` for no card)')
            [CompletionResult]::new('--devices', '--devices', [CompletionResultType]::ParameterName, 'Other devices that are logged in, replacing the device list (`none` for no device)')
            [CompletionResult]::new('--teen-mode', '--teen-mode', [CompletionResultType]::ParameterName, 'The account is in teen mode')
            [CompletionResult]::new('--legal-hold', '--legal-hold', [CompletionResultType]::ParameterName, 'An unresolved legal dispute or evidence preservation')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Account status')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Set any state field: PATH=VALUE, VALUE read as JSON or else as a string (e.g. wallet.pay_score_enabled=false). Repeatable. When flags set the same field, the one given last wins')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Text language [default: from LC_ALL, LC_MESSAGES or LANG; zh* gives zh, else en]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--start', '--start', [CompletionResultType]::ParameterName, 'The day you start working through the plan [default: today]')
            [CompletionResult]::new('--holiday', '--holiday', [CompletionResultType]::ParameterName, 'An extra non-business day. Repeatable')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Which verdicts make the exit code 1')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads for many profiles [default: all cores]')
            [CompletionResult]::new('--detail', '--detail', [CompletionResultType]::ParameterName, 'How much of each result json/jsonl print for many profiles [default: full for json, summary for jsonl]')
            [CompletionResult]::new('--list-symptoms', '--list-symptoms', [CompletionResultType]::ParameterName, 'Print every symptom id with a one-line description, and exit')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'wxacct;explain' {
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Text language [default: from the locale]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'wxacct;schema' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'wxacct;completions' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'wxacct;man' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'wxacct;help' {
            [CompletionResult]::new('deactivate', 'deactivate', [CompletionResultType]::ParameterValue, 'Plan deleting the WeChat account: checks, dated plan, procedure, what happens after')
            [CompletionResult]::new('realname', 'realname', [CompletionResultType]::ParameterValue, 'Plan removing or replacing the WeChat Pay real name: methods, checks, dated plan')
            [CompletionResult]::new('unbind-qq', 'unbind-qq', [CompletionResultType]::ParameterValue, 'Plan unbinding the QQ number: path, verification, impacts, risks, aftercare')
            [CompletionResult]::new('troubleshoot', 'troubleshoot', [CompletionResultType]::ParameterValue, 'Explain why a deletion, real-name removal or QQ unbinding failed: ranked causes')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Explain a record by id: check, method, playbook, conflict, source… (no id: list all)')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the JSON Schema of the state file or of the JSON result')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'wxacct;help;deactivate' {
            break
        }
        'wxacct;help;realname' {
            break
        }
        'wxacct;help;unbind-qq' {
            break
        }
        'wxacct;help;troubleshoot' {
            break
        }
        'wxacct;help;explain' {
            break
        }
        'wxacct;help;schema' {
            break
        }
        'wxacct;help;completions' {
            break
        }
        'wxacct;help;man' {
            break
        }
        'wxacct;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
