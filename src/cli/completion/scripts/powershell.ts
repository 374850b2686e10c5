/**
 * The PowerShell completion script for `completion powershell`: asks `BIN __complete` (with descriptions) and
 * obeys cobra's directives. Written for skiff; it speaks the protocol kubectl's (cobra's) PowerShell script speaks.
 */
export function powershellCompletion(bin: string): string {
  return `# powershell completion for ${bin}
#
# Load it into the current session:   ${bin} completion powershell | Out-String | Invoke-Expression
# or for every session, add that line to your $PROFILE.

Register-ArgumentCompleter -CommandName '${bin}' -ScriptBlock {
    param($WordToComplete, $CommandAst, $CursorPosition)

    # the words before the cursor; the program first
    $Line = $CommandAst.Extent.ToString()
    $Before = $Line.Substring(0, [Math]::Min($Line.Length, $CursorPosition - $CommandAst.Extent.StartOffset))
    $Words = @(-split $Before)
    $Program = $Words[0]
    $Arguments = @($Words | Select-Object -Skip 1)
    if ($WordToComplete -ne '' -and $Arguments.Count -gt 0) {
        $Arguments = @($Arguments | Select-Object -SkipLast 1)
    }
    # an empty word must reach ${bin} as an empty argument, which older PowerShell drops unless quoted
    $Legacy = -not (Get-Variable -Name PSNativeCommandArgumentPassing -ErrorAction SilentlyContinue) -or
        $PSNativeCommandArgumentPassing -eq 'Legacy'
    $Word = if ($WordToComplete -eq '' -and $Legacy) { '""' } else { $WordToComplete }

    $Out = @(& $Program __complete @Arguments $Word 2>$null)
    $Directive = 0
    if ($Out.Count -gt 0 -and $Out[-1] -match '^:(\\d+)$') {
        $Directive = [int]$Matches[1]
        $Out = @($Out | Select-Object -SkipLast 1)
    }
    if ($Directive -band 1) { return }

    if ($Directive -band 8) {
        Get-ChildItem -Path "$WordToComplete*" -ErrorAction SilentlyContinue |
            Where-Object { $_.PSIsContainer -or $Out -contains $_.Extension.TrimStart('.') } |
            ForEach-Object { [System.Management.Automation.CompletionResult]::new($_.Name, $_.Name, 'ProviderItem', $_.Name) }
        return
    }
    if ($Directive -band 16) {
        Get-ChildItem -Path "$WordToComplete*" -Directory -ErrorAction SilentlyContinue |
            ForEach-Object { [System.Management.Automation.CompletionResult]::new($_.Name, $_.Name, 'ProviderContainer', $_.Name) }
        return
    }
    if ($Out.Count -eq 0) {
        # nothing to offer: PowerShell's own path completion, unless the directive says no files
        if ($Directive -band 4) { [System.Management.Automation.CompletionResult]::new(' ', ' ', 'ParameterValue', ' ') }
        return
    }
    # the value of --flag=value keeps its flag, PowerShell replaces the whole word
    $Prefix = if ($WordToComplete -match '^(-[^=]*=)') { $Matches[1] } else { '' }
    foreach ($Completion in $Out) {
        $Name, $Description = $Completion -split "\`t", 2
        if (-not $Description) { $Description = $Name }
        $Text = "$Prefix$Name"
        [System.Management.Automation.CompletionResult]::new($Text, $Name, 'ParameterValue', $Description)
    }
}
`
}
