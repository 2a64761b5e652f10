// SPDX-License-Identifier: MIT
#pragma once

#include "sync/series.h"

#include <QDate>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QString>
#include <QVariantList>
#include <optional>

class AppController;
class SeriesStore;

/**
 * @brief What the Repeat dialog shows and does for one todo (docs/user-guide.md, "Repeating todos").
 *
 * Set `controller`, `day` (ISO) and `todoId`; the properties then describe the todo's repeat rule
 * (frequency "never", "daily", "weekdays", "weekly" or "monthly"). apply() makes a plain todo
 * repeat, or changes the rule and text of a repeating one from this day on ("all future": the
 * todo's earlier occurrences keep theirs); "never" stops it repeating after this day. Editing the
 * todo itself in the list changes this occurrence only. The outcome comes as finished().
 * describe() is the one-line rule for a row's tooltip.
 */
class RepeatEditor : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_MOC_INCLUDE("ui/appcontroller.h")
    Q_PROPERTY(AppController *controller READ controller WRITE setController NOTIFY controllerChanged)
    Q_PROPERTY(QString day READ day WRITE setDay NOTIFY todoChanged)
    Q_PROPERTY(QString todoId READ todoId WRITE setTodoId NOTIFY todoChanged)
    Q_PROPERTY(bool repeating READ repeating NOTIFY ruleChanged)
    Q_PROPERTY(QString frequency READ frequency NOTIFY ruleChanged)
    Q_PROPERTY(QList<int> weekDays READ weekDays NOTIFY ruleChanged)
    Q_PROPERTY(int monthDay READ monthDay NOTIFY ruleChanged)
    Q_PROPERTY(QString text READ text NOTIFY ruleChanged)
    Q_PROPERTY(QString summary READ summary NOTIFY ruleChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    /** The series of the server in use are read and it is connected: changes can be made. */
    Q_PROPERTY(bool ready READ ready NOTIFY ruleChanged)

public:
    explicit RepeatEditor(QObject *parent = nullptr);

    AppController *controller() const;
    void setController(AppController *controller);
    QString day() const;
    void setDay(const QString &isoDate);
    QString todoId() const;
    void setTodoId(const QString &id);

    bool repeating() const;
    QString frequency() const;
    QList<int> weekDays() const;
    int monthDay() const;
    QString text() const;
    QString summary() const;
    bool busy() const { return m_busy; }
    bool ready() const;

    /**
     * `frequency` "never" stops a repeating todo after this day (a plain todo stays plain);
     * `weekDays` are ISO weekdays (1 = Monday) for "weekly", `monthDay` 1..31 for "monthly".
     * `text` is the todo's text from now on (empty: unchanged). False when nothing was started.
     */
    Q_INVOKABLE bool apply(const QString &frequency, const QList<int> &weekDays, int monthDay,
                           const QString &text);
    /** "Every weekday", "Every week on Mon, Thu", ...; empty for an unknown series. */
    Q_INVOKABLE QString describe(const QString &seriesId) const;
    /** The localized short name of ISO weekday 1..7, in the order the locale's week starts. */
    Q_INVOKABLE QVariantList weekOrder() const; ///< a JS array in QML (a QList<int> is not one in Qt 6.4)
    Q_INVOKABLE QString weekDayName(int isoWeekDay) const;

    static QString describeRule(const Series &series);

signals:
    void controllerChanged();
    void todoChanged();
    void ruleChanged();
    void busyChanged();
    /** The change was saved ("" ) or not (why, for the user). */
    void finished(const QString &error);

private:
    const Todo *todo() const;
    std::optional<Series> series() const;
    SeriesStore *store() const;
    void setBusy(bool busy);

    QPointer<AppController> m_controller;
    QDate m_day;
    QString m_todoId;
    bool m_busy = false;
};
