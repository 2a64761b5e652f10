// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QStringList>
#include <QTemporaryDir>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>
#include <memory>

class DayCache;
class SyncSession;

/**
 * @brief A second client of a server for the Qt Quick tests: its own SyncSession and DayCache
 * (a second app instance, minus windows), so a test sees what another client of the server is
 * shown after an interaction in the window, through the monitor's notifications.
 */
class PeerSession : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString url READ url WRITE setUrl NOTIFY endpointChanged)
    Q_PROPERTY(QString apiKey READ apiKey WRITE setApiKey NOTIFY endpointChanged)
    Q_PROPERTY(bool connected READ isConnected NOTIFY connectedChanged)

public:
    explicit PeerSession(QObject *parent = nullptr);
    ~PeerSession() override;

    QString url() const { return m_url; }
    void setUrl(const QString &url);
    QString apiKey() const { return m_apiKey; }
    void setApiKey(const QString &apiKey);
    bool isConnected() const;

    /** Starts following `isoDay` (YYYY-MM-DD); its todos then come from this session's cache. */
    Q_INVOKABLE void watch(const QString &isoDay);
    /** The texts of `isoDay`'s todos as this session has them ("<not loaded>" before it read them). */
    Q_INVOKABLE QStringList texts(const QString &isoDay) const;
    /** The stored priority strings of `isoDay`'s todos, in order. */
    Q_INVOKABLE QStringList priorities(const QString &isoDay) const;
    /** `isoDay`'s todos as this session has them from the server, each as stored (JSON object). */
    Q_INVOKABLE QVariantList todos(const QString &isoDay) const;
    /**
     * An edit made by this client: `operation` as the pending queue writes it (TodoOperation's
     * JSON, e.g. { kind: "setPriority", day: "2040-01-01", todoId: "…", text: "high" }); false
     * when it is not a valid operation.
     */
    Q_INVOKABLE bool submit(const QVariantMap &operation);

signals:
    void endpointChanged();
    void connectedChanged();

private:
    void connectSession();

    QString m_url;
    QString m_apiKey;
    QTemporaryDir m_dir; ///< its own pending-operation queue file
    std::unique_ptr<DayCache> m_cache;
    std::unique_ptr<SyncSession> m_session;
};
