def log = new File(basedir, 'build.log').getText('UTF-8')
// 1: offline from the cache
assert log =~ /Verifying pylock\.toml \(offline\)/ : log
assert log =~ /pylock\.toml is up to date: \d+ packages, \d+ files checked/ : log
// 3: the tampered file is named
def name = new File(basedir, 'tampered.name').text.trim()
assert log.contains('tampered/pylock.toml is not up to date') : log
assert log =~ /(?m)^.*${java.util.regex.Pattern.quote(name)}.*$/ : "no drift names ${name}:\n" + log
// 4: the advisory fails the build
assert log =~ /1 known vulnerability in pylock\.toml:/ : log
assert log =~ /markupsafe==3\.0\.3: TEST-2026-10 Made-up record/ : log
// 5: below failOnSeverity HIGH it is a warning
assert log =~ /\[WARNING\] markupsafe==3\.0\.3: TEST-2026-10 .*\(below failOnSeverity HIGH\)/ : log
assert log.contains('No known vulnerability at or above HIGH in 2 packages of pylock.toml') : log
// 6: malware cannot be checked offline without an export
assert log.contains('offline (-o) the OSV API cannot be asked for <avoidVulnerable>, <refuseMalware> or <osvUrl>: set <osvExport>') : log
assert !new File(basedir, 'malware/pylock.toml').exists()
return true
