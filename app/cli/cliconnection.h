// SPDX-License-Identifier: MIT
#pragma once

#include "sync/hpkvclient.h"
#include "sync/syncsession.h"

#include <QLoggingCategory>
#include <QObject>
#include <QString>
#include <QUrl>
#include <functional>
#include <memory>

class DayboardServer;

Q_DECLARE_LOGGING_CATEGORY(lcCli)

/**
 * @brief Finds the user's Dayboard and connects to it (docs/cli.md, "How it finds your Dayboard").
 *
 * In this order: `server` (from --server or DAYBOARD_SERVER) with `key` (--key, DAYBOARD_API_KEY,
 * or the app's key store); else the running app's built-in server named by its runtime file
 * (RuntimeFile); else the app's data folder opened in this process by the same server library,
 * on 127.0.0.1 and a free port, holding the folder's lock like the app does, so there is never a
 * second writer on its database. A folder locked by an app whose server does not answer is
 * refused (ExitDataDirInUse).
 */
class CliConnection : public QObject
{
    Q_OBJECT

public:
    struct Target
    {
        QUrl server;
        QString key;
        QString dataDir; ///< the app's data folder (its built-in server keeps its data in `server/`)
        int timeoutMs = 10000;
    };

    explicit CliConnection(QObject *parent = nullptr);
    ~CliConnection() override;

    /** Connects; an ExitCode, with `*error` for people when it is not ExitOk. */
    int open(const Target &target, QString *error);

    HpkvClient *client() const { return m_client; }
    ServerEndpoint endpoint() const { return m_endpoint; }
    /** Where it is connected, for people ("the running app's built-in server", ...). */
    QString description() const { return m_description; }

    /** Sends with `send` and waits for its reply (every request is answered, if only by its timeout). */
    HpkvClient::Reply call(const std::function<void(HpkvClient::Callback)> &send);
    /** The ExitCode a failed reply stands for. */
    static int exitCodeFor(const HpkvClient::Reply &reply);

private:
    int connectTo(const ServerEndpoint &endpoint, int timeoutMs, QString *error);
    int openDataDir(const QString &serverDir, int timeoutMs, QString *error);
    QString storedKey(const QString &dataDir);

    HpkvClient *m_client;
    std::unique_ptr<DayboardServer> m_server;
    ServerEndpoint m_endpoint;
    QString m_description;
};
