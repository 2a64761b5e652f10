// SPDX-License-Identifier: MIT
#pragma once

/** @brief dayboard-cli's exit codes (docs/cli.md, "Exit codes"). */
enum ExitCode : int {
    ExitOk = 0,
    ExitFailed = 1, ///< anything else: the server refused a write, a file cannot be written
    ExitUsage = 2, ///< bad command line (unknown command or option, bad day, missing argument)
    ExitNotFound = 3, ///< no todo has that id (prefix)
    ExitAmbiguous = 4, ///< the id prefix names more than one todo
    ExitKeyRefused = 5, ///< the server refused the API key
    ExitUnreachable = 6, ///< no answer from the server, or it is not a Dayboard/HPKV server
    ExitDataDirInUse = 7, ///< the data folder is locked by a Dayboard whose server does not answer
    ExitConflict = 8, ///< the day kept changing under the write (compare-and-swap retried out)
    ExitBadFile = 9, ///< the file to import is malformed (nothing was imported)
};
