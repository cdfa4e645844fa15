import PermauditCLI

// The executable is only this: everything else lives in PermauditCLI so tests can run it.
let console = InterruptHandling.install(on: .standard)
let code = Permaudit.run(Array(CommandLine.arguments.dropFirst()), console: console)
InterruptHandling.exit(code)
