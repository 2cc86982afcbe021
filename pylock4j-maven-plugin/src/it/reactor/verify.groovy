def a = new File(basedir, 'a/pylock.toml').getText('UTF-8')
def b = new File(basedir, 'b/pylock.toml').getText('UTF-8')
assert a.contains('name = "jinja2"') && !a.contains('name = "pyyaml"') : a
assert b.contains('name = "pyyaml"') && b.contains('name = "python-dateutil"') && !b.contains('name = "jinja2"') : b

// b is universal: its lock covers Linux and Python >= 3.9, not one target
assert b.contains('requires-python = ">=3.9"') : b
def environments = b.readLines().find { it.startsWith('environments = ') }
assert environments != null && environments.contains('sys_platform == ') && environments.contains('linux') : b
assert !b.contains("python_version == '3.12'") : b

def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('MultiThreadedBuilder') && log.contains('thread count of 2') : log
assert !log.contains('not marked as @threadSafe') && !log.contains('not thread-safe') : log
assert (log =~ /pylock\.toml is up to date/).count == 2 : log
return true
