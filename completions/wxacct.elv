
set edit:completion:arg-completer[wxacct] = { |@words|
    var index = (count $words)
    set index = (- $index 1)

    put (env _CLAP_IFS="\n" _CLAP_COMPLETE_INDEX=(to-string $index) WXACCT_COMPLETE="elvish" wxacct -- $@words) | to-lines
}

