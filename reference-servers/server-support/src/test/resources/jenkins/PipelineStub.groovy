// Stub steps for evaluating the Jenkinsfile offline (JenkinsfileTest): each step that matters
// is recorded as one line "[stage] step: detail"; the rest do nothing. Jenkins itself and
// JenkinsPipelineUnit are not on Maven Central, so this is the check that runs here.
abstract class PipelineStub extends Script {
    List<String> log = []
    Map params = [STRESS_FULL: false, LOAD_FULL: false]
    boolean nightlyRun = false
    Map currentBuild = [getBuildCauses: { String cause -> nightlyRun ? [cause] : [] }]
    String any = 'any'
    String stageName = '-'

    void record(String line) { log << line } // GStrings become Strings here
    def run(Closure c) { c.delegate = this; c.resolveStrategy = Closure.DELEGATE_FIRST; c() }
    def pipeline(Closure c) { run(c) }
    def agent(x) {}
    def triggers(Closure c) {}
    def parameters(Closure c) {}
    def options(Closure c) { run(c) }
    def timestamps() {}
    def buildDiscarder(x) {}
    def logRotator(Map m) {}
    def environment(Closure c) {}
    def stages(Closure c) { run(c) }
    def stage(String name, Closure c) { stageName = name; record("[$name] stage"); run(c) }
    def steps(Closure c) { run(c) }
    def script(Closure c) { run(c) }
    def post(Closure c) { run(c) }
    def always(Closure c) { run(c) }
    def timeout(Map m, Closure c = null) { record("[$stageName] timeout: $m.time $m.unit"); if (c) run(c) }
    def catchError(Map m, Closure c) { record("[$stageName] catchError"); run(c) }
    def sh(String s) { record("[$stageName] sh: ${s.trim().replaceAll(/\s+/, ' ')}") }
    def junit(Map m) { record("[$stageName] junit: $m.testResults") }
    def archiveArtifacts(Map m) { record("[$stageName] archive: $m.artifacts") }
    def publishHTML(Map m) { record("[$stageName] publishHTML: ${m.target.reportDir} ${m.target.reportFiles}") }
}
