// SPDX-License-Identifier: MIT
#pragma once

#include "ui/quickaddparser.h"

#include <QObject>
#include <QQmlEngine>
#include <QVariantList>

/**
 * @brief The add field's quick-add reading (QuickAddParser) for QML: what it understood, as
 * chips to show under the field before Enter, and as the values to add with.
 *
 * Bind `input` to the field's text and `today` to App.today. Clicking a chip calls ignore() with
 * its part: that kind of word stays text until reset() (after the todo was added). The chips'
 * labels are in the user's language ("Friday 11 Dec", "14:30", "High").
 */
class QuickAdd : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString input READ input WRITE setInput NOTIFY inputChanged)
    Q_PROPERTY(QString today READ today WRITE setToday NOTIFY inputChanged)
    Q_PROPERTY(int ignored READ ignored NOTIFY inputChanged)
    Q_PROPERTY(QString text READ text NOTIFY resultChanged)
    Q_PROPERTY(QString day READ day NOTIFY resultChanged)
    Q_PROPERTY(QString remind READ remind NOTIFY resultChanged)
    Q_PROPERTY(int priority READ priority NOTIFY resultChanged)
    Q_PROPERTY(QVariantList chips READ chips NOTIFY resultChanged)
    Q_PROPERTY(QString summary READ summary NOTIFY resultChanged)

public:
    enum Part {
        DayPart = QuickAddParser::DayPart,
        TimePart = QuickAddParser::TimePart,
        PriorityPart = QuickAddParser::PriorityPart
    };
    Q_ENUM(Part)

    explicit QuickAdd(QObject *parent = nullptr);

    QString input() const { return m_input; }
    void setInput(const QString &input);
    QString today() const { return m_today.toString(Qt::ISODate); }
    void setToday(const QString &isoDate);
    int ignored() const { return m_ignored; }

    QString text() const { return m_result.text; }
    /** ISO date of the day given; empty: none (the window's day). */
    QString day() const;
    QString remind() const { return m_result.remind; }
    /** A Todo.Priority value; -1: none given (the priority box decides). */
    int priority() const { return m_result.priority ? int(*m_result.priority) : -1; }
    /** One {part, label, source} per word taken, in the order typed. */
    QVariantList chips() const;
    /** The chips' labels joined with " · ". */
    QString summary() const;

    /** That kind of word stays text from now on (a chip clicked off). */
    Q_INVOKABLE void ignore(int part);
    /** Every kind is read again (the field was cleared). */
    Q_INVOKABLE void reset();

    static QString labelFor(const QuickAddParser::Result &result, QuickAddParser::Part part);

signals:
    void inputChanged();
    void resultChanged();

private:
    void reparse();

    QString m_input;
    QDate m_today = QDate::currentDate();
    int m_ignored = 0;
    QuickAddParser::Result m_result;
};
