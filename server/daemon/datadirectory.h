// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <functional>

/**
 * @brief The server's private directory: 0700, holding secrets as 0600 files.
 *
 * Layout: `api-key` (generated when no key is configured), `token-secret` (signs monitor
 * tokens), and the SQLite database of the storage backend.
 */
class DataDirectory
{
public:
    explicit DataDirectory(QString path)
        : m_path(std::move(path))
    { }

    const QString &path() const { return m_path; }
    QString filePath(const QString &name) const;

    /**
     * Creates the directory when missing (mkdir with mode 0700, so it is never open to others)
     * and checks it is writable. An existing directory open to its group or others is tightened
     * to 0700 when this user owns it; otherwise a warning is logged (docs/security.md).
     */
    bool ensure(QString *error) const;

    /**
     * The trimmed content of `name`; when the file is missing, `generate()` is written to it
     * (0600, atomically) and returned. A null QByteArray and `*error` on failure.
     */
    QByteArray readOrCreateSecret(const QString &name, const std::function<QByteArray()> &generate,
                                  QString *error) const;
    /** Writes `secret` to `name` (0600, atomically), replacing what was there. */
    bool writeSecret(const QString &name, const QByteArray &secret, QString *error) const;

    /** A random URL-safe API key (256 bits). */
    static QByteArray generateApiKey();
    /** Keys from a keys file: one per line, blank lines and `#` comments skipped. */
    static bool readKeysFile(const QString &path, QStringList *keys, QString *error);

private:
    void restrict() const;

    QString m_path;
};
