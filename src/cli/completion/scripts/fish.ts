/**
 * The fish completion script for `completion fish`: asks `BIN __complete` (with descriptions) and obeys cobra's
 * directives. Written for skiff; it speaks the protocol kubectl's (cobra's) fish script speaks.
 */
export function fishCompletion(bin: string): string {
  const fn = `__${bin.replace(/[^A-Za-z0-9_]/g, '_')}_complete`
  return `# fish completion for ${bin}
#
# Load it into the current shell:   ${bin} completion fish | source
# or for every new shell:           ${bin} completion fish > ~/.config/fish/completions/${bin}.fish

# one bit of a directive: 1 error, 2 no space, 4 no files, 8 files by extension, 16 directories
function ${fn}_bit -a directive bit
    test (math --scale=0 "floor($directive / $bit) % 2") -eq 1
end

function ${fn}
    set -l tokens (commandline -opc)
    set -l current (commandline -ct)
    set -l out ($tokens[1] __complete $tokens[2..-1] "$current" 2>/dev/null)
    set -l directive 0
    if test (count $out) -gt 0; and string match -qr '^:[0-9]+$' -- $out[-1]
        set directive (string sub -s 2 -- $out[-1])
        set -e out[-1]
    end
    if ${fn}_bit $directive 1
        return
    end
    if ${fn}_bit $directive 8
        set -l pattern (string join '|' -- $out)
        for path in (__fish_complete_path "$current")
            set -l file (string replace -r '\\t.*' '' -- $path)
            if string match -q -- '*/' $file; or string match -qr -- "\\.($pattern)\\$" $file
                echo $file
            end
        end
        return
    end
    if ${fn}_bit $directive 16
        __fish_complete_directories "$current"
        return
    end
    if test (count $out) -eq 0
        ${fn}_bit $directive 4; or __fish_complete_path "$current"
        return
    end
    # fish replaces the whole word: the value of --flag=value keeps its flag
    set -l prefix (string match -r -- '^-[^=]*=' "$current")
    for line in $out
        echo "$prefix$line"
    end
end

complete -c ${bin} -f -a '(${fn})'
`
}
