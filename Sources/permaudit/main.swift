import Foundation
import PermauditCLI

// The executable is only this: everything else lives in PermauditCLI so tests can run it.
let code = Permaudit.run(Array(CommandLine.arguments.dropFirst()), console: .standard)
exit(code.rawValue)
