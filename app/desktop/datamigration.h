// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

/**
 * @brief Moves the data folder of an older Dayboard to where this one keeps it.
 *
 * Earlier builds of Dayboard kept their data in `~/.local/share/Dayboard/Dayboard` (organisation and
 * application both "Dayboard"); it now lives in `~/.local/share/Dayboard`. Each entry is
 * renamed into the new folder (same file system: nothing is copied, nothing half-written);
 * an entry the new folder already has stays where it was, so nothing is ever overwritten or
 * lost. The old folder goes once it is empty.
 */
class DataMigration
{
public:
    struct Result
    {
        QStringList moved; ///< entry names now in the new folder
        QStringList left; ///< entry names that stayed in the old folder (the new one has them)
    };

    /** `from` may be inside `to` (it is: `<to>/Dayboard`). Nothing happens when `from` is missing. */
    static Result move(const QString &from, const QString &to);
    /** The folder older versions used, under the user's data location. */
    static QString oldDataDir();
};
