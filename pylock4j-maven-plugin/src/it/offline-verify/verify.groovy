def log = new File(basedir, 'build.log').getText('UTF-8')
// 1: offline from the cache
assert log =~ /Verifying pylock\.toml \(offline\)/ : log
assert log =~ /pylock\.toml is up to date: \d+ packages, \d+ files checked/ : log
// 3: the tampered file is named
def name = new File(basedir, 'tampered.name').text.trim()
assert log.contains('tampered/pylock.toml is not up to date') : log
assert log =~ /(?m)^.*${java.util.regex.Pattern.quote(name)}.*$/ : "no drift names ${name}:\n" + log
return true
