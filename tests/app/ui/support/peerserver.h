// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QTemporaryDir>
#include <QUrl>
#include <QtQml/qqmlregistration.h>
#include <memory>

class DayboardServer;

/**
 * @brief A second, real Dayboard server for the Qt Quick tests (a "remote" to switch to): the
 * server library on 127.0.0.1, port 0, SQLite in a temporary folder, one fixed API key.
 */
class PeerServer : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString url READ url CONSTANT)
    Q_PROPERTY(QString apiKey READ apiKey CONSTANT)
    Q_PROPERTY(QString error READ error CONSTANT)

public:
    explicit PeerServer(QObject *parent = nullptr);
    ~PeerServer() override;

    QString url() const;
    QString apiKey() const;
    QString error() const { return m_error; }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<DayboardServer> m_server;
    QString m_error;
};
