// SPDX-License-Identifier: MIT
#include "history.h"

#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace {
const QStringList verbs
    = { u"Call"_s,   u"Email"_s, u"Buy"_s,   u"Book"_s, u"Fix"_s,     u"Review"_s,  u"Pay"_s,
        u"Plan"_s,   u"Clean"_s, u"Write"_s, u"Read"_s, u"Prepare"_s, u"Pick up"_s, u"Renew"_s,
        u"Cancel"_s, u"Order"_s, u"Check"_s, u"Send"_s, u"Finish"_s,  u"Schedule"_s };
const QStringList things = { u"the dentist appointment"_s,
                             u"groceries"_s,
                             u"flight to Lisbon"_s,
                             u"the quarterly report"_s,
                             u"invoice for March"_s,
                             u"bike tyre"_s,
                             u"rent"_s,
                             u"birthday party"_s,
                             u"kitchen"_s,
                             u"blog post about Qt"_s,
                             u"chapter 14"_s,
                             u"slides for Monday"_s,
                             u"parcel at the post office"_s,
                             u"passport"_s,
                             u"gym membership"_s,
                             u"new headphones"_s,
                             u"car insurance"_s,
                             u"thank-you cards"_s,
                             u"tax return"_s,
                             u"team retro"_s,
                             u"garden hose"_s,
                             u"library books"_s,
                             u"electricity bill"_s,
                             u"vet visit"_s };
const QStringList people
    = { u"Anna"_s,  u"Ben"_s,     u"Chloé"_s,  u"Dmitri"_s, u"Eva"_s, u"Farid"_s,
        u"Grace"_s, u"Hiroshi"_s, u"Ingrid"_s, u"Jonas"_s,  u"mum"_s, u"the landlord"_s };
const QStringList notes = { u"Ask about the weekend opening hours.\nBring the receipt."_s,
                            u"Number is in the shared contacts. Call before noon."_s,
                            u"See https://example.org/booking for the reference code."_s,
                            u"Budget: 120 EUR at most.\nCompare with last year's offer."_s,
                            u"Anna knows the details; remind her about the deadline."_s,
                            u"Needs the signed form from HR first."_s };

template<typename List> const auto &pick(QRandomGenerator &random, const List &list)
{
    return list.at(random.bounded(int(list.size())));
}
} // namespace

QMap<QDate, TodoList> makeHistory(const QDate &last, int days, int perDay, quint32 seed)
{
    QRandomGenerator random(seed);
    QMap<QDate, TodoList> history;
    for (int d = 0; d < days; ++d) {
        const QDate day = last.addDays(-d);
        TodoList todos;
        for (int i = 0; i < perDay; ++i) {
            Todo todo;
            todo.id = u"todo_%1_%2"_s.arg(day.toString(u"yyyyMMdd"_s)).arg(i);
            todo.text = random.bounded(3) == 0
                ? u"%1 %2 about %3"_s.arg(pick(random, verbs), pick(random, people), pick(random, things))
                : u"%1 %2"_s.arg(pick(random, verbs), pick(random, things));
            if (random.bounded(5) == 0)
                todo.notes = pick(random, notes);
            todo.priority = Todo::Priority(random.bounded(3));
            todo.status = d > 7 && random.bounded(10) < 9 ? Todo::Status::Done : Todo::Status::NotSet;
            todos.append(todo);
        }
        history.insert(day, todos);
    }
    return history;
}

QStringList typedQueries()
{
    QStringList prefixes;
    for (const QString &query : { u"call anna"_s, u"dentist"_s, u"invoice march"_s, u"lisbon"_s, u"tax"_s,
                                  u"receipt"_s, u"pick up parcel"_s, u"zzz nothing"_s }) {
        for (int length = 1; length <= query.size(); ++length)
            prefixes.append(query.left(length));
    }
    return prefixes;
}
