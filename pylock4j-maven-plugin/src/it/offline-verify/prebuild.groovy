// Takes lock-verify's lock, cache and index URL (its server is stopped by now), and writes a copy
// of the lock with one wheel's sha256 changed into tampered/.
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption

def from = new File(basedir.parentFile, 'lock-verify')
def url = new File(from, 'index.url').text.trim()
context.get('userProperties').put('index.url', url)

def lock = new File(from, 'pylock.toml').getText('UTF-8')
new File(basedir, 'pylock.toml').setText(lock, 'UTF-8')
def source = from.toPath().resolve('cache')
def target = basedir.toPath().resolve('cache')
Files.walk(source).each { p ->
  def q = target.resolve(source.relativize(p).toString())
  if (Files.isDirectory(p)) {
    Files.createDirectories(q)
  } else {
    Files.copy(p, q, StandardCopyOption.REPLACE_EXISTING)
  }
}

def wheel = (lock =~ /jinja2-[^"\/]+\.whl/)
assert wheel.find() : lock
def name = wheel.group()
def sha = (lock =~ /sha256 = "([0-9a-f]{64})"/)
assert sha.find(wheel.end()) : lock
def tampered = lock.substring(0, sha.start(1)) + '0' * 64 + lock.substring(sha.end(1))
new File(basedir, 'tampered').mkdirs()
new File(basedir, 'tampered/pylock.toml').setText(tampered, 'UTF-8')
new File(basedir, 'tampered.name').text = name
return true
