// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>
#include <QUrl>
#include <memory>

/**
 * @brief The in-process Dayboard server the app uses by default (no setup, works offline).
 *
 * Listens on 127.0.0.1 on a free port, keeps its data in `dataDir` (SQLite) and generates
 * an API key there on first start.
 */
class EmbeddedServer : public QObject
{
    Q_OBJECT

public:
    explicit EmbeddedServer(const QString &dataDir, QObject *parent = nullptr);
    ~EmbeddedServer() override;

    bool start(QString *error);
    void stop();
    bool isRunning() const;
    QUrl baseUrl() const;
    QString apiKey() const;
    QString dataDir() const;

private:
    void finishStopping();

    struct Private;
    std::unique_ptr<Private> d;
    QString m_dataDir;
};
