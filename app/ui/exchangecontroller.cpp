// SPDX-License-Identifier: MIT
#include "ui/exchangecontroller.h"

#include "exchange/exchangeformat.h"
#include "exchange/importplan.h"
#include "sync/syncsession.h"
#include "ui/appcontroller.h"
#include "ui/exchangedays.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 maxImportBytes = 16 * 1024 * 1024;

QDate isoDate(const QString &text)
{
    return QDate::fromString(text, Qt::ISODate);
}

} // namespace

ExchangeController::ExchangeController(QObject *parent)
    : QObject(parent)
{ }

ExchangeController::~ExchangeController() = default;

void ExchangeController::setController(AppController *controller)
{
    if (m_controller == controller)
        return;
    m_controller = controller;
    setSession(controller ? controller->session() : nullptr);
    emit controllerChanged();
}

void ExchangeController::setSession(SyncSession *session)
{
    m_session = session;
    delete m_days;
    m_days = nullptr;
}

ExchangeDays *ExchangeController::days()
{
    if (!m_days && m_session)
        m_days = new ExchangeDays(m_session->client(), m_session->cache(), this);
    return m_days;
}

int ExchangeController::undatedCount() const
{
    return int(std::count_if(m_document.items.cbegin(), m_document.items.cend(),
                             [](const ImportDocument::Item &item) { return !item.day.has_value(); }));
}

QString ExchangeController::localPath(const QString &fileOrUrl)
{
    const QUrl url(fileOrUrl);
    return url.isLocalFile() ? url.toLocalFile() : fileOrUrl.trimmed();
}

QString ExchangeController::extensionOf(const QString &format)
{
    if (format == u"ics")
        return u"ics"_s;
    return format == u"markdown" ? u"md"_s : u"json"_s;
}

QString ExchangeController::suggestedExportPath(const QString &format, const QString &fromIso,
                                                const QString &toIso) const
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QDir::homePath();
    QString name = u"dayboard"_s;
    if (isoDate(fromIso).isValid() && isoDate(toIso).isValid())
        name += fromIso == toIso ? u"-"_s + fromIso : u"-%1-to-%2"_s.arg(fromIso, toIso);
    return QDir(folder).filePath(name + u'.' + extensionOf(format));
}

void ExchangeController::begin()
{
    m_busy = true;
    m_error.clear();
    m_result.clear();
    emit stateChanged();
}

void ExchangeController::fail(const QString &text)
{
    m_busy = false;
    m_error = text;
    emit stateChanged();
    emit finished(false);
}

void ExchangeController::succeed(const QString &text)
{
    m_busy = false;
    m_result = text;
    emit stateChanged();
    emit finished(true);
}

void ExchangeController::reset()
{
    m_error.clear();
    m_result.clear();
    m_fileReady = false;
    m_fileName.clear();
    m_document = {};
    m_summary.clear();
    m_counts[0] = m_counts[1] = m_counts[2] = 0;
    emit stateChanged();
}

void ExchangeController::exportDays(const QString &file, const QString &format, const QString &fromIso,
                                    const QString &toIso)
{
    if (m_busy)
        return;
    const QString path = localPath(file);
    const bool everything = fromIso.isEmpty() && toIso.isEmpty();
    const QDate from = isoDate(fromIso);
    const QDate to = isoDate(toIso);
    begin();
    if (path.isEmpty())
        return fail(tr("Choose a file to export to."));
    if (!everything && (!from.isValid() || !to.isValid()))
        return fail(tr("Enter the first and the last day as YYYY-MM-DD."));
    const std::optional<ExchangeFormat::Format> known = ExchangeFormat::fromName(format);
    if (!known)
        return fail(tr("Unknown format “%1”.").arg(format));
    if (!days())
        return fail(tr("Not connected to a server"));
    days()->fetch(from, to, [this, path, known](const ExchangeDays::Result &gathered) {
        if (!gathered.error.isEmpty())
            return fail(tr("Nothing was exported: %1.").arg(gathered.error));
        const QByteArray bytes = ExchangeFormat::write(*known, gathered.days);
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
            return fail(tr("Cannot write %1: %2").arg(path, out.errorString()));
        qsizetype todos = 0;
        for (const TodoList &list : gathered.days)
            todos += list.size();
        QString text
            = tr("Exported %1 todos of %2 days to %3.").arg(todos).arg(gathered.days.size()).arg(path);
        if (gathered.unreadable > 0)
            text += u' ' + tr("%1 days could not be read and were left out.").arg(gathered.unreadable);
        succeed(text);
    });
}

bool ExchangeController::readFile(const QString &file)
{
    if (m_busy)
        return false;
    reset();
    const QString path = localPath(file);
    QFile in(path);
    if (path.isEmpty() || !in.open(QIODevice::ReadOnly)) {
        m_error = path.isEmpty() ? tr("Choose a file to import.")
                                 : tr("Cannot read %1: %2").arg(path, in.errorString());
        emit stateChanged();
        return false;
    }
    if (in.size() > maxImportBytes) {
        m_error = tr("%1 is larger than 16 MB; nothing was imported.").arg(path);
        emit stateChanged();
        return false;
    }
    const QByteArray data = in.readAll();
    ImportDocument document = ExchangeFormat::read(path, data);
    if (!document.ok()) {
        m_error = tr("%1 cannot be imported: %2 Nothing was imported.")
                      .arg(QFileInfo(path).fileName(), document.error);
        emit stateChanged();
        return false;
    }
    m_document = std::move(document);
    m_fileName = path;
    m_fileReady = true;
    emit stateChanged();
    return true;
}

void ExchangeController::importFile(const QString &undatedIso)
{
    if (m_busy || !m_fileReady)
        return;
    const QDate undated = isoDate(undatedIso).isValid() ? isoDate(undatedIso) : QDate::currentDate();
    begin();
    if (!days() || !m_session)
        return fail(tr("Not connected to a server"));
    // Every day: a todo moved since the file was written is found where it is now.
    days()->fetch({}, {}, [this, undated](const ExchangeDays::Result &gathered) {
        if (!gathered.error.isEmpty())
            return fail(tr("Nothing was imported: %1.").arg(gathered.error));
        const ImportPlan plan = ImportPlan::make(m_document, gathered.days, undated);
        for (const TodoOperation &operation : plan.operations())
            m_session->submit(operation);
        m_summary.clear();
        for (const ImportPlan::Entry &entry : plan.summary()) {
            m_summary.append(
                QVariantMap { { u"outcome"_s, ImportPlan::outcomeName(entry.outcome) },
                              { u"todoId"_s, entry.todoId },
                              { u"text"_s, entry.text },
                              { u"day"_s, entry.day.isValid() ? entry.day.toString(Qt::ISODate) : QString() },
                              { u"line"_s, entry.line },
                              { u"reason"_s, entry.reason } });
        }
        m_counts[0] = plan.count(ImportPlan::Entry::Outcome::Added);
        m_counts[1] = plan.count(ImportPlan::Entry::Outcome::Updated);
        m_counts[2] = plan.count(ImportPlan::Entry::Outcome::Skipped);
        m_fileReady = false;
        succeed(tr("Imported %1: %2 added, %3 updated, %4 skipped.")
                    .arg(QFileInfo(m_fileName).fileName())
                    .arg(m_counts[0])
                    .arg(m_counts[1])
                    .arg(m_counts[2]));
    });
}
