/**
 * The bash completion script for `completion bash`: asks `BIN __completeNoDesc` for every completion and obeys
 * cobra's directives (an error, no space, no files, files by extension, directories). Written for skiff; it
 * speaks the protocol kubectl's (cobra's) bash script speaks.
 */
export function bashCompletion(bin: string): string {
  const fn = `__${bin.replace(/[^A-Za-z0-9_]/g, '_')}_complete`
  return `# bash completion for ${bin}                                 -*- shell-script -*-
#
# Load it into the current shell:   source <(${bin} completion bash)
# or for every new shell:           ${bin} completion bash > ~/.local/share/bash-completion/completions/${bin}
# It works best with the bash-completion package, which keeps --flag=value in one word.

${fn}() {
    local cur words cword
    if declare -F _get_comp_words_by_ref >/dev/null 2>&1; then
        _get_comp_words_by_ref -n "=:" cur words cword
    else
        cur="\${COMP_WORDS[COMP_CWORD]}"
        words=("\${COMP_WORDS[@]}")
        cword=$COMP_CWORD
    fi
    COMPREPLY=()

    local out
    out=$("\${words[0]}" __completeNoDesc "\${words[@]:1:cword-1}" "$cur" 2>/dev/null)
    # the last line is :<directive>; the lines before it are the completions
    local directive=0 last="\${out##*$'\\n'}"
    if [[ $last == :* ]]; then
        directive=\${last#:}
        out=\${out%"$last"}
    fi
    [[ $directive =~ ^[0-9]+$ ]] || directive=0
    (( directive & 1 )) && return 0

    local -a comps=()
    local line
    while IFS='' read -r line; do
        [[ -n $line ]] && comps+=("$line")
    done <<< "$out"

    # the value of --flag=value is what bash replaces
    local word=$cur
    [[ $cur == -*=* ]] && word=\${cur#*=}

    if (( directive & 8 )); then
        # files with one of the extensions, and directories to go into
        local f ext
        while IFS='' read -r f; do
            if [[ -d $f ]]; then COMPREPLY+=("$f"); continue; fi
            for ext in "\${comps[@]}"; do [[ $f == *."$ext" ]] && COMPREPLY+=("$f"); done
        done < <(compgen -f -- "$word")
        compopt -o filenames 2>/dev/null
        return 0
    fi
    if (( directive & 16 )); then
        if (( \${#comps[@]} == 1 )) && [[ -d \${comps[0]} ]]; then
            local dir=\${comps[0]}
            while IFS='' read -r f; do COMPREPLY+=("$f"); done < <(cd "$dir" && compgen -d -- "$word")
        else
            while IFS='' read -r f; do COMPREPLY+=("$f"); done < <(compgen -d -- "$word")
        fi
        compopt -o filenames 2>/dev/null
        return 0
    fi

    if (( \${#comps[@]} == 0 )); then
        # nothing to offer: file names, unless the directive says no files
        (( directive & 4 )) || compopt -o default 2>/dev/null
        return 0
    fi
    (( directive & 2 )) && compopt -o nospace 2>/dev/null
    (( directive & 32 )) && compopt -o nosort 2>/dev/null
    local comp
    for comp in "\${comps[@]}"; do
        [[ $comp == "$word"* ]] && COMPREPLY+=("$comp")
    done
    if declare -F __ltrim_colon_completions >/dev/null 2>&1; then
        __ltrim_colon_completions "$cur"
    fi
    return 0
}

complete -F ${fn} ${bin}
`
}
