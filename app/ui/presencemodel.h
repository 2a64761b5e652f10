// SPDX-License-Identifier: MIT
#pragma once

#include "ui/appcontroller.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QString>
#include <QStringList>

class PresenceClient;
class QSettings;

/**
 * @brief Who else has this window's day open (docs/protocol.md §9.9, user guide "Who else is
 * here"), for QML: one per window, a member of the app's PresenceClient.
 *
 * The window's day is announced as `here`; the seven days of its week (as the week strip shows
 * them) are watched. `text` is "Also here: Anna's laptop, another window" (this app's other
 * windows are "another window"), empty when nobody else is; `busyDates` are the week's days
 * someone else has open. `deviceName` is what others see (QSettings `deviceName`, default the
 * host name); never the API key. Against a server without presence everything stays empty.
 */
class PresenceModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(AppController *controller READ controller WRITE setController NOTIFY controllerChanged)
    Q_PROPERTY(QString date READ date WRITE setDate NOTIFY dateChanged)
    Q_PROPERTY(bool available READ available NOTIFY presenceChanged)
    Q_PROPERTY(QStringList others READ others NOTIFY presenceChanged)
    Q_PROPERTY(QString text READ text NOTIFY presenceChanged)
    Q_PROPERTY(QStringList busyDates READ busyDates NOTIFY presenceChanged)
    Q_PROPERTY(QString deviceName READ deviceName WRITE setDeviceName NOTIFY deviceNameChanged)

public:
    static inline const QString deviceNameKey = QStringLiteral("deviceName");

    explicit PresenceModel(QObject *parent = nullptr);
    ~PresenceModel() override;

    AppController *controller() const { return m_controller; }
    void setController(AppController *controller);
    /** What setController() does, without an AppController (tests). */
    void setPresenceClient(PresenceClient *client, QSettings *settings);

    QString date() const { return m_date; }
    void setDate(const QString &isoDate);

    bool available() const;
    QStringList others() const;
    QString text() const;
    QStringList busyDates() const;
    QString deviceName() const;
    void setDeviceName(const QString &name);

signals:
    void controllerChanged();
    void dateChanged();
    void presenceChanged();
    void deviceNameChanged();

private:
    void announce();
    QStringList othersOn(const QByteArray &key) const;
    QList<QByteArray> weekKeys() const;

    QPointer<AppController> m_controller;
    QPointer<PresenceClient> m_client;
    QSettings *m_settings = nullptr;
    QByteArray m_member;
    QString m_date;
};
