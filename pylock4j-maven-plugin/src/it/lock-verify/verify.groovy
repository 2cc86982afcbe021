import java.nio.file.Files

def server = context.get('server')
server.close()

def lock = new File(basedir, 'pylock.toml')
assert lock.isFile() : 'lock wrote no pylock.toml'
def text = lock.getText('UTF-8')
// every file entry (wheels and sdists) carries a sha256
def files = (text =~ /(?m)^\[\[packages\.wheels\]\]$|^\[packages\.sdist\]$/).count
def hashes = (text =~ /(?m)^hashes = \{ sha256 = "[0-9a-f]{64}" \}$/).count
assert text.contains('name = "jinja2"') : text
assert text.contains('name = "markupsafe"') : text
assert files == 2 && hashes == files : "${files} files, ${hashes} sha256:\n" + text
assert !text.contains('name = "six"') : text

def log = new File(basedir, 'build.log').getText('UTF-8')
// invocation 1 wrote it, invocation 2 found it unchanged (byte for byte)
assert log =~ /Locked \d+ packages into pylock\.toml/
assert log =~ /pylock\.toml is unchanged: \d+ packages/
// invocation 3: verify passed
assert log =~ /pylock\.toml is up to date: \d+ packages, \d+ files checked/
// invocation 4: the requirement added to the pom is named
assert log.contains('pylock.toml is not up to date') : log
assert log =~ /(?m)^\[ERROR\].*six>=1\.16|^  .*six>=1\.16/ : log
assert server.requestCount('/simple/jinja2/') > 0
return true
