def server = context.get('server')
server.close()
// the index answers 401 without the login: pages were served, so the login was sent
assert server.requestCount('/simple/pyyaml/') > 0

def lock = new File(basedir, 'pylock.toml').getText('UTF-8')
assert lock.contains('name = "pyyaml"') : lock
assert !lock.contains('it-S3cret-Passw0rd') : lock
assert !lock.contains('ci-bot') : lock

def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[DEBUG]') : 'not a debug log'
assert log.contains('index corp: login from settings.xml server corp') : log
assert !log.contains('it-S3cret-Passw0rd') : 'the password is in the build log'
assert log =~ /pylock\.toml is up to date/
return true
