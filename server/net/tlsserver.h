// SPDX-License-Identifier: MIT
#pragma once

#include <QSslConfiguration>
#include <QTcpServer>
#include <functional>
#include <optional>

class QSslSocket;

/**
 * @brief A QTcpServer whose pending connections are QSslSockets with the TLS handshake done.
 *
 * Each accepted socket waits for the client's first byte: a TLS handshake record starts the
 * server handshake; anything else (a plain-HTTP client on the TLS port) gets a short plain
 * `400` that says to use https, and is closed. A socket that has not finished its handshake
 * within the handshake timeout is aborted. Every failed handshake is logged as one line with
 * the peer and the reason (never any data). Sockets still in their handshake do not count
 * against maxPendingConnections(), but do count against the connection limits: the admission
 * callback sees every accepted socket before its handshake and may refuse it (it is then
 * aborted: a refusal in plain text would mean nothing to a TLS client).
 *
 * Chosen over QSslServer (Qt 6.4) because that one closes non-TLS clients without a word or
 * a signal and counts handshaking sockets as pending, which lets slow handshakes pause accept.
 */
class TlsServer : public QTcpServer
{
    Q_OBJECT

public:
    TlsServer(QSslConfiguration configuration, int handshakeTimeoutMs, QObject *parent = nullptr);

    /** Decides on each accepted socket before its handshake; false aborts it. */
    using Admission = std::function<bool(QTcpSocket *socket)>;
    void setAdmission(Admission admission) { m_admission = std::move(admission); }
    /** Used for connections accepted from now on (certificate renewal); open ones keep theirs. */
    void setConfiguration(QSslConfiguration configuration) { m_configuration = std::move(configuration); }

    /** A TlsServer when `tls` is set, else a plain QTcpServer. */
    static QTcpServer *createListener(const std::optional<QSslConfiguration> &tls, int handshakeTimeoutMs,
                                      QObject *parent);

protected:
    void incomingConnection(qintptr handle) override;

private:
    void onFirstBytes(QSslSocket *socket);
    void onEncrypted(QSslSocket *socket);
    void fail(QSslSocket *socket, const QString &reason);
    void refusePlainHttp(QSslSocket *socket);

    QSslConfiguration m_configuration;
    int m_handshakeTimeoutMs;
    Admission m_admission;
};
