// SPDX-License-Identifier: MIT
#pragma once

#include <QSslConfiguration>
#include <QString>
#include <optional>

/**
 * @brief The server's TLS identity: a PEM certificate chain and its unencrypted private key.
 *
 * load() reads both files and returns the server-side QSslConfiguration (TLS 1.2 or later, no
 * client certificates), or nullopt with a message for people: unreadable file, no certificate,
 * no RSA/EC/DSA key (a passphrase-protected key is refused), or a key that does not belong to
 * the certificate. The last is found by letting the TLS backend build its context once on a
 * loopback connection, so the server never starts with a pair every handshake would reject.
 * An expired or not yet valid certificate is only warned about.
 */
class TlsCredentials
{
public:
    static std::optional<QSslConfiguration> load(const QString &certificateFile, const QString &keyFile,
                                                 QString *error);
};
