// SPDX-License-Identifier: MIT
#include "ui/repeateditor.h"

#include "sync/daycache.h"
#include "sync/seriesstore.h"
#include "sync/syncsession.h"
#include "ui/appcontroller.h"

#include <QDateTime>
#include <QLocale>
#include <QPointer>
#include <algorithm>

using namespace Qt::StringLiterals;

RepeatEditor::RepeatEditor(QObject *parent)
    : QObject(parent)
{ }

AppController *RepeatEditor::controller() const
{
    return m_controller;
}

void RepeatEditor::setController(AppController *controller)
{
    if (m_controller == controller)
        return;
    if (m_controller) {
        disconnect(m_controller->cache(), nullptr, this, nullptr);
        disconnect(m_controller->seriesStore(), nullptr, this, nullptr);
    }
    m_controller = controller;
    if (controller) {
        connect(controller->cache(), &DayCache::dayChanged, this, [this](const QDate &day) {
            if (day == m_day)
                emit ruleChanged();
        });
        connect(controller->seriesStore(), &SeriesStore::changed, this, &RepeatEditor::ruleChanged);
    }
    emit controllerChanged();
    emit ruleChanged();
}

QString RepeatEditor::day() const
{
    return m_day.toString(Qt::ISODate);
}

void RepeatEditor::setDay(const QString &isoDate)
{
    const QDate day = QDate::fromString(isoDate, Qt::ISODate);
    if (day == m_day)
        return;
    m_day = day;
    emit todoChanged();
    emit ruleChanged();
}

QString RepeatEditor::todoId() const
{
    return m_todoId;
}

void RepeatEditor::setTodoId(const QString &id)
{
    if (id == m_todoId)
        return;
    m_todoId = id;
    emit todoChanged();
    emit ruleChanged();
}

SeriesStore *RepeatEditor::store() const
{
    return m_controller ? m_controller->seriesStore() : nullptr;
}

const Todo *RepeatEditor::todo() const
{
    if (!m_controller || !m_day.isValid())
        return nullptr;
    for (const Todo &todo : m_controller->cache()->day(m_day).todos) {
        if (todo.id == m_todoId)
            return &todo;
    }
    return nullptr;
}

std::optional<Series> RepeatEditor::series() const
{
    const Todo *current = todo();
    if (!current || current->series.isEmpty() || !store())
        return std::nullopt;
    return store()->find(current->series);
}

bool RepeatEditor::ready() const
{
    return store() && store()->isLoaded();
}

bool RepeatEditor::repeating() const
{
    const Todo *current = todo();
    return current && !current->series.isEmpty();
}

QString RepeatEditor::frequency() const
{
    const std::optional<Series> current = series();
    return current ? Series::frequencyName(current->frequency) : u"never"_s;
}

QList<int> RepeatEditor::weekDays() const
{
    const std::optional<Series> current = series();
    if (current && current->frequency == Series::Frequency::Weekly)
        return current->weekDays;
    return { m_day.isValid() ? m_day.dayOfWeek() : 1 };
}

int RepeatEditor::monthDay() const
{
    const std::optional<Series> current = series();
    if (current && current->frequency == Series::Frequency::Monthly)
        return current->monthDay;
    return m_day.isValid() ? m_day.day() : 1;
}

QString RepeatEditor::text() const
{
    const Todo *current = todo();
    return current ? current->text : QString();
}

QString RepeatEditor::summary() const
{
    const std::optional<Series> current = series();
    if (current)
        return describeRule(*current);
    return repeating() ? tr("Repeats (its rule is being read from the server)") : tr("Does not repeat");
}

void RepeatEditor::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

bool RepeatEditor::apply(const QString &frequency, const QList<int> &weekDays, int monthDay,
                         const QString &text)
{
    const Todo *current = todo();
    SeriesStore *seriesStore = store();
    if (!current || !seriesStore || m_busy)
        return false;
    Todo edited = *current;
    const QString trimmed = text.trimmed();
    if (!trimmed.isEmpty())
        edited.text = trimmed;

    QPointer<RepeatEditor> self(this);
    const auto done = [self](const QString &error) {
        if (!self)
            return;
        self->setBusy(false);
        emit self->ruleChanged();
        emit self->finished(error);
    };
    if (frequency == u"never"_s) {
        if (current->series.isEmpty())
            return false;
        setBusy(true);
        seriesStore->stopAfter(m_day, edited, done);
        return true;
    }
    const std::optional<Series::Frequency> parsed = Series::frequencyFromName(frequency);
    if (!parsed)
        return false;
    Series rule;
    rule.frequency = *parsed;
    rule.setWeekDays(weekDays);
    rule.monthDay = std::clamp(monthDay, 1, 31);
    rule.text = edited.text;
    rule.priority = edited.priority;
    if (rule.frequency == Series::Frequency::Weekly && rule.weekDays.isEmpty())
        return false;
    const std::optional<Series> known = series();
    if (known && known->frequency == rule.frequency && known->text == rule.text
        && (rule.frequency != Series::Frequency::Weekly || known->weekDays == rule.weekDays)
        && (rule.frequency != Series::Frequency::Monthly || known->monthDay == rule.monthDay)) {
        emit finished({}); // nothing changed: the series goes on as it is
        return true;
    }
    setBusy(true);
    if (current->series.isEmpty()) {
        if (edited.text != current->text)
            m_controller->session()->submit(
                TodoOperation::setText(m_day, edited.id, edited.text, QDateTime::currentMSecsSinceEpoch()));
        seriesStore->start(m_day, edited, rule, done);
    } else {
        // The todo as stored: changeFrom() edits its text in place when it differs.
        seriesStore->changeFrom(m_day, *current, rule, done);
    }
    return true;
}

QString RepeatEditor::describe(const QString &seriesId) const
{
    const std::optional<Series> found = store() ? store()->find(seriesId) : std::nullopt;
    return found ? describeRule(*found) : QString();
}

QVariantList RepeatEditor::weekOrder() const
{
    QVariantList order;
    const int first = QLocale().firstDayOfWeek();
    for (int i = 0; i < 7; ++i)
        order.append((first - 1 + i) % 7 + 1);
    return order;
}

QString RepeatEditor::weekDayName(int isoWeekDay) const
{
    return QLocale().dayName(std::clamp(isoWeekDay, 1, 7), QLocale::ShortFormat);
}

QString RepeatEditor::describeRule(const Series &series)
{
    switch (series.frequency) {
    case Series::Frequency::Daily:
        return tr("Repeats every day");
    case Series::Frequency::Weekdays:
        return tr("Repeats every weekday (Monday to Friday)");
    case Series::Frequency::Weekly: {
        QStringList names;
        for (int day : series.weekDays)
            names.append(QLocale().dayName(day, QLocale::ShortFormat));
        return tr("Repeats every week on %1").arg(QLocale().createSeparatedList(names));
    }
    case Series::Frequency::Monthly:
        return tr("Repeats every month on day %1").arg(QLocale().toString(series.monthDay));
    }
    return {};
}
