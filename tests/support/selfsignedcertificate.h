// SPDX-License-Identifier: MIT
#pragma once

#include <QSslCertificate>
#include <QString>

/**
 * @brief A throw-away self-signed certificate and its key, made with the `openssl` CLI.
 *
 * generate() writes `<dir>/<name>.crt` and `<dir>/<name>.key` (PEM, EC P-256, unencrypted,
 * valid two days) for the subject name `commonName` with 127.0.0.1 and localhost as alternative
 * names, so it serves a test server on 127.0.0.1. Tools: tools/dependencies.sh installs openssl.
 */
class SelfSignedCertificate
{
public:
    bool generate(const QString &dir, const QString &name,
                  const QString &commonName = QStringLiteral("127.0.0.1"));

    QString certificateFile() const { return m_certificateFile; }
    QString keyFile() const { return m_keyFile; }
    QSslCertificate certificate() const { return m_certificate; }
    /** Why generate() failed (openssl missing, its output), for QVERIFY2 messages. */
    QString errorString() const { return m_error; }

private:
    QString m_certificateFile;
    QString m_keyFile;
    QSslCertificate m_certificate;
    QString m_error;
};
