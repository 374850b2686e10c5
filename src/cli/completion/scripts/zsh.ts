/**
 * The zsh completion script for `completion zsh`: asks `BIN __complete` (with descriptions) and obeys cobra's
 * directives. Written for skiff; it speaks the protocol kubectl's (cobra's) zsh script speaks.
 */
export function zshCompletion(bin: string): string {
  const fn = `_${bin.replace(/[^A-Za-z0-9_]/g, '_')}`
  return `#compdef ${bin}
# zsh completion for ${bin}
#
# Load it into the current shell (after compinit):   source <(${bin} completion zsh)
# or for every new shell, put it on $fpath:          ${bin} completion zsh > "\${fpath[1]}/_${bin}"

${fn}() {
    local -a lines comps keep extra
    local out directive=0 line name desc word=\${words[CURRENT]}
    out=$("\${words[1]}" __complete "\${(@)words[2,CURRENT-1]}" "$word" 2>/dev/null)
    lines=("\${(@f)out}")
    if [[ \${lines[-1]} == :* ]]; then
        directive=\${lines[-1]#:}
        lines[-1]=()
    fi
    [[ $directive == <-> ]] || directive=0
    (( directive & 1 )) && return 1

    if (( directive & 8 )); then
        # files with one of the extensions (and the directories that lead to them)
        _files -g "*.(\${(j:|:)lines})"
        return
    fi
    if (( directive & 16 )); then
        if (( \${#lines} == 1 )) && [[ -n \${lines[1]} ]]; then
            _path_files -W "\${lines[1]}" -/
        else
            _path_files -/
        fi
        return
    fi

    for line in "\${lines[@]}"; do
        [[ -z $line ]] && continue
        name=\${line%%$'\\t'*}
        desc=""
        [[ $line == *$'\\t'* ]] && desc=\${line#*$'\\t'}
        # a colon separates the name from the description for _describe
        comps+=("\${name//:/\\\\:}\${desc:+:$desc}")
    done
    if (( \${#comps} == 0 )); then
        (( directive & 4 )) && return 1
        _files
        return
    fi
    (( directive & 32 )) && keep=(-V)
    (( directive & 2 )) && extra+=(-S '')
    # the value of --flag=value is completed after its flag
    [[ $word == -*=* ]] && extra+=(-P "\${word%%=*}=")
    _describe "\${keep[@]}" completions comps "\${extra[@]}"
}

if [[ "\${funcstack[1]}" == "${fn}" ]]; then
    ${fn} "$@"
else
    compdef ${fn} ${bin}
fi
`
}
