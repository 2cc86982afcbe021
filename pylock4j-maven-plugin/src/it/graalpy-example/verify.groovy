def lock = new File(basedir, 'requirements.txt').getText('UTF-8')
def pins = (lock =~ /(?m)^([a-z0-9-]+)==\S+ \\$/)
def names = pins.collect { it[1] } as Set
assert names.containsAll(['python-dateutil', 'six', 'typing-inspect', 'mypy-extensions', 'typing-extensions']) : lock
// a sha256 on every pin: pip (inside GraalPy too) installs in hash-checking mode
assert (lock =~ /--hash=sha256:[0-9a-f]{64}/).count >= names.size() : lock
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log =~ /Locked \d+ packages into requirements\.txt/ : log
assert log =~ /requirements\.txt is up to date/ : log
return true
