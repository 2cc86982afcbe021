// Serves the repository's example index on 127.0.0.1 for this project's invocations; the URL goes
// to Maven as -Dindex.url and to offline-verify (which runs next) in index.url.
import java.nio.file.Path
import org.pylock4j.testing.SimpleIndexServer

def server = SimpleIndexServer.start(Path.of(repoRoot, 'examples', 'reports', 'index'))
context.put('server', server)
context.get('userProperties').put('index.url', server.indexUrl())
new File(basedir, 'index.url').text = server.indexUrl()
return true
