import java.nio.file.Path
import org.pylock4j.testing.SimpleIndexServer

// the login of settings.xml server "corp"
def server = SimpleIndexServer.start(
    Path.of(repoRoot, 'examples', 'reports', 'index'), 'ci-bot', 'it-S3cret-Passw0rd')
context.put('server', server)
context.get('userProperties').put('index.url', server.indexUrl())
return true
