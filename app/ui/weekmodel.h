// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractListModel>
#include <QDate>
#include <QPointer>
#include <QQmlEngine>

class AppController;
class DayCache;

/**
 * @brief The seven days of the week around `date` (or `weeks` weeks from that one: the
 * calendar shows six), with their open and done counts.
 *
 * The days are watched in the DayCache (so their counts stay live from the server) and a
 * change of one day is one dataChanged() of its row. Dates are ISO strings in QML.
 */
class WeekModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_MOC_INCLUDE("ui/appcontroller.h")
    Q_PROPERTY(AppController *controller READ controller WRITE setController NOTIFY controllerChanged)
    Q_PROPERTY(QString date READ isoDate WRITE setIsoDate NOTIFY dateChanged)
    Q_PROPERTY(QString firstDay READ firstDay NOTIFY weekChanged)
    Q_PROPERTY(int weeks READ weeks WRITE setWeeks NOTIFY weekChanged)

public:
    enum Role {
        DateRole = Qt::UserRole + 1,
        DayNameRole,
        DayNumberRole,
        OpenCountRole,
        DoneCountRole,
        IsTodayRole,
    };
    Q_ENUM(Role)

    explicit WeekModel(QObject *parent = nullptr);
    ~WeekModel() override;

    void setCache(DayCache *cache);
    AppController *controller() const;
    void setController(AppController *controller);
    QString isoDate() const;
    void setIsoDate(const QString &isoDate);
    void setDate(const QDate &date);
    QString firstDay() const;
    int weeks() const;
    void setWeeks(int weeks);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    static QDate weekStart(const QDate &date);

signals:
    void controllerChanged();
    void dateChanged();
    void weekChanged();

private:
    void watchWeek(bool watch);
    void onDayChanged(const QDate &date);
    void onTodayChanged();

    QPointer<AppController> m_controller;
    QPointer<DayCache> m_cache;
    QMetaObject::Connection m_cacheConnection;
    QDate m_date;
    QDate m_first;
    int m_weeks = 1;
};
