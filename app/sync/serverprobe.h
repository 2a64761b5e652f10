// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

/**
 * @brief Finds out why the sync socket cannot connect, so the user is told what to do.
 *
 * A WebSocket handshake that fails says little (Qt reports a refused key, a web page and a
 * closed port alike). One `POST /token/websocket` with the API key (docs/protocol.md §5) tells
 * them apart: a token means a Dayboard/HPKV server that accepts the key; 401/403 a refused
 * key; another HTTP answer a server that is not one; a TLS failure a certificate or scheme
 * problem; no answer an unreachable server.
 */
class ServerProbe : public QObject
{
    Q_OBJECT

public:
    enum class Verdict { Accepted, KeyRefused, Unreachable, NotHpkv, TlsProblem };
    Q_ENUM(Verdict)
    /** `detail`: what the network said (no secrets), for the user to read. */
    using Callback = std::function<void(Verdict verdict, const QString &detail)>;

    explicit ServerProbe(QObject *parent = nullptr);
    ~ServerProbe() override;

    /** Starts a probe, replacing one under way; `callback` runs once, later (not after cancel()). */
    void run(const QUrl &baseUrl, const QString &apiKey, Callback callback);
    void cancel();
    bool isRunning() const;
    void setTimeout(int ms) { m_timeoutMs = ms; }

private:
    void finished(QNetworkReply *reply, const Callback &callback);

    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_reply;
    int m_timeoutMs = 10000;
};
