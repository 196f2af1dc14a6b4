
_clap_complete_wxacct() {
    local IFS=$'\013'
    local _CLAP_COMPLETE_INDEX=${COMP_CWORD}
    local _CLAP_COMPLETE_COMP_TYPE=${COMP_TYPE}
    if compopt +o nospace 2> /dev/null; then
        local _CLAP_COMPLETE_SPACE=false
    else
        local _CLAP_COMPLETE_SPACE=true
    fi
    local words
    IFS=$' \t' read -ra words <<< "${COMP_LINE:0:COMP_POINT}"
    if [[ ${#words[@]} -eq 0 || "${COMP_LINE:COMP_POINT-1:1}" == " " ]]; then
        words+=("")
    fi
    _CLAP_COMPLETE_INDEX=$(( ${#words[@]} - 1 ))
    local typed="${words[_CLAP_COMPLETE_INDEX]}"
    COMPREPLY=( $( \
        _CLAP_IFS="$IFS" \
        _CLAP_COMPLETE_INDEX="$_CLAP_COMPLETE_INDEX" \
        _CLAP_COMPLETE_COMP_TYPE="$_CLAP_COMPLETE_COMP_TYPE" \
        _CLAP_COMPLETE_SPACE="$_CLAP_COMPLETE_SPACE" \
        WXACCT_COMPLETE="bash" \
        "wxacct" -- "${words[@]}" \
    ) )
    local status=$?
    if [[ "$2" != "$typed" ]]; then
        local kept="${typed%"$2"}"
        COMPREPLY=( "${COMPREPLY[@]#"$kept"}" )
    fi
    if [[ $status != 0 ]]; then
        unset COMPREPLY
    elif [[ $_CLAP_COMPLETE_SPACE == false ]] && [[ "${COMPREPLY-}" =~ [=/:]$ ]]; then
        compopt -o nospace
    fi
}
if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -o nospace -o bashdefault -o nosort -F _clap_complete_wxacct wxacct
else
    complete -o nospace -o bashdefault -F _clap_complete_wxacct wxacct
fi

