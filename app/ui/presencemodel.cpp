// SPDX-License-Identifier: MIT
#include "ui/presencemodel.h"

#include "sync/daycache.h"
#include "sync/presenceclient.h"
#include "sync/syncsession.h"
#include "ui/appcontroller.h"

#include <QDate>
#include <QLocale>
#include <QSettings>

namespace {
/** The first day of the week the strip shows for `date` (WeekModel): the locale's first weekday. */
QDate weekStart(const QDate &date)
{
    return date.addDays(-((date.dayOfWeek() - int(QLocale().firstDayOfWeek()) + 7) % 7));
}
} // namespace

PresenceModel::PresenceModel(QObject *parent)
    : QObject(parent)
{ }

PresenceModel::~PresenceModel()
{
    if (m_client && !m_member.isEmpty())
        m_client->removeMember(m_member);
}

void PresenceModel::setController(AppController *controller)
{
    if (m_controller == controller)
        return;
    m_controller = controller;
    if (controller)
        setPresenceClient(PresenceClient::forClient(controller->session()->client()), controller->settings());
    emit controllerChanged();
}

void PresenceModel::setPresenceClient(PresenceClient *client, QSettings *settings)
{
    if (m_client) {
        disconnect(m_client, nullptr, this, nullptr);
        m_client->removeMember(m_member);
    }
    m_client = client;
    m_settings = settings;
    if (!client)
        return;
    if (m_settings && m_settings->contains(deviceNameKey))
        client->setDeviceName(m_settings->value(deviceNameKey).toString());
    m_member = client->createMember();
    connect(client, &PresenceClient::rosterChanged, this, &PresenceModel::presenceChanged);
    connect(client, &PresenceClient::availableChanged, this, &PresenceModel::presenceChanged);
    connect(client, &PresenceClient::deviceNameChanged, this, &PresenceModel::deviceNameChanged);
    announce();
    emit deviceNameChanged();
    emit presenceChanged();
}

void PresenceModel::setDate(const QString &isoDate)
{
    if (m_date == isoDate)
        return;
    m_date = isoDate;
    announce();
    emit dateChanged();
    emit presenceChanged();
}

QList<QByteArray> PresenceModel::weekKeys() const
{
    const QDate date = QDate::fromString(m_date, Qt::ISODate);
    if (!date.isValid())
        return {};
    const QDate first = weekStart(date);
    QList<QByteArray> keys;
    for (int day = 0; day < 7; ++day)
        keys.append(DayCache::keyFor(first.addDays(day)));
    return keys;
}

void PresenceModel::announce()
{
    const QDate date = QDate::fromString(m_date, Qt::ISODate);
    if (!m_client || !date.isValid())
        return;
    m_client->setMember(m_member, { DayCache::keyFor(date) }, weekKeys());
}

bool PresenceModel::available() const
{
    return m_client && m_client->isAvailable();
}

QStringList PresenceModel::othersOn(const QByteArray &key) const
{
    // Other devices first (by name), then this app's other windows.
    QStringList names;
    QStringList windows;
    if (!m_client)
        return names;
    for (const PresenceClient::Member &member : m_client->roster(key)) {
        if (member.id == m_member)
            continue;
        if (m_client->isLocalMember(member.id))
            windows.append(tr("another window"));
        else
            names.append(member.name);
    }
    names.sort(Qt::CaseInsensitive);
    return names + windows;
}

QStringList PresenceModel::others() const
{
    const QDate date = QDate::fromString(m_date, Qt::ISODate);
    return date.isValid() ? othersOn(DayCache::keyFor(date)) : QStringList();
}

QString PresenceModel::text() const
{
    const QStringList names = others();
    return names.isEmpty() ? QString() : tr("Also here: %1").arg(names.join(QStringLiteral(", ")));
}

QStringList PresenceModel::busyDates() const
{
    QStringList dates;
    const QDate date = QDate::fromString(m_date, Qt::ISODate);
    if (!date.isValid())
        return dates;
    const QList<QByteArray> keys = weekKeys();
    const QDate first = weekStart(date);
    for (int day = 0; day < keys.size(); ++day) {
        if (!othersOn(keys.at(day)).isEmpty())
            dates.append(first.addDays(day).toString(Qt::ISODate));
    }
    return dates;
}

QString PresenceModel::deviceName() const
{
    return m_client ? m_client->deviceName() : QString();
}

void PresenceModel::setDeviceName(const QString &name)
{
    if (m_settings) {
        if (name.trimmed().isEmpty())
            m_settings->remove(deviceNameKey);
        else
            m_settings->setValue(deviceNameKey, name.trimmed());
    }
    if (m_client)
        m_client->setDeviceName(name);
}
