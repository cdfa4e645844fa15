import Foundation
import PermauditCLI

// The executable is only this: everything else lives in PermauditCLI so tests can run it.

// A reader that stops early (`--stdout json | head`) must not kill the run between
// publishing its reports and recording its history: output to a closed pipe is dropped.
signal(SIGPIPE, SIG_IGN)
let console = InterruptHandling.install(on: .standard)
let code = Permaudit.run(Array(CommandLine.arguments.dropFirst()), console: console)
InterruptHandling.exit(code)
