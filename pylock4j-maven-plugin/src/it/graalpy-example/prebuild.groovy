// Copies examples/graalpy here as it is; the example's index is the repository's
// examples/reports/index, found through -Dexamples.dir.
def example = new File(repoRoot, 'examples/graalpy')
['pom.xml', 'requirements.in'].each { name ->
  new File(basedir, name).bytes = new File(example, name).bytes
}
context.get('userProperties').put('examples.dir', new File(repoRoot, 'examples').canonicalPath)
return true
