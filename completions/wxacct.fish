complete --keep-order --exclusive --command wxacct --arguments "(WXACCT_COMPLETE=fish wxacct -- (commandline --current-process --tokenize --cut-at-cursor) (commandline --current-token))"
