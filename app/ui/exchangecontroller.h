// SPDX-License-Identifier: MIT
#pragma once

#include "exchange/importdocument.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QVariantList>

class AppController;
class ExchangeDays;
class SyncSession;

/**
 * @brief File → Export… and File → Import… (docs/user-guide.md, "Export and import").
 *
 * Export: the days of a range (or every day) are gathered by ExchangeDays (RANGE over the
 * server's `todos-` keys, with this app's unsent edits on top) and written with JsonExchange,
 * ICalendarWriter or MarkdownWriter to a file (replaced atomically).
 *
 * Import is two steps, so the sheet can ask where undated todos go before anything changes:
 * readFile() parses and checks the whole file (JSON or iCalendar, by extension or content); a
 * malformed file gives `error` naming the line, and nothing can be imported. importFile() then
 * gathers every day (to find todos moved since the file was written), makes an ImportPlan and
 * submits its operations to the SyncSession in one pass: the same compare-and-swap path as
 * every edit, so concurrent edits survive and offline imports are queued. `summary` lists what
 * was added, updated and skipped, and why.
 */
class ExchangeController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_MOC_INCLUDE("ui/appcontroller.h")
    Q_PROPERTY(AppController *controller READ controller WRITE setController NOTIFY controllerChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY stateChanged)
    Q_PROPERTY(QString error READ error NOTIFY stateChanged)
    Q_PROPERTY(QString result READ result NOTIFY stateChanged)
    Q_PROPERTY(bool fileReady READ fileReady NOTIFY stateChanged)
    Q_PROPERTY(int itemCount READ itemCount NOTIFY stateChanged)
    Q_PROPERTY(int undatedCount READ undatedCount NOTIFY stateChanged)
    Q_PROPERTY(QVariantList summary READ summary NOTIFY stateChanged)
    Q_PROPERTY(int addedCount READ addedCount NOTIFY stateChanged)
    Q_PROPERTY(int updatedCount READ updatedCount NOTIFY stateChanged)
    Q_PROPERTY(int skippedCount READ skippedCount NOTIFY stateChanged)

public:
    explicit ExchangeController(QObject *parent = nullptr);
    ~ExchangeController() override;

    AppController *controller() const { return m_controller; }
    void setController(AppController *controller);
    /** C++ users (tests) without an AppController. */
    void setSession(SyncSession *session);

    bool busy() const { return m_busy; }
    QString error() const { return m_error; }
    QString result() const { return m_result; }
    bool fileReady() const { return m_fileReady; }
    int itemCount() const { return int(m_document.items.size()); }
    int undatedCount() const;
    QVariantList summary() const { return m_summary; }
    int addedCount() const { return m_counts[0]; }
    int updatedCount() const { return m_counts[1]; }
    int skippedCount() const { return m_counts[2]; }

    /** `format`: "json", "ics" or "markdown"; `fromIso`/`toIso` empty: every day. */
    Q_INVOKABLE void exportDays(const QString &file, const QString &format, const QString &fromIso,
                                const QString &toIso);
    /** Reads and checks `file` (a path or file: URL); false with `error` when it cannot be imported. */
    Q_INVOKABLE bool readFile(const QString &file);
    /** Imports the file readFile() accepted; undated todos go to `undatedIso`. */
    Q_INVOKABLE void importFile(const QString &undatedIso);
    /** Forgets the file, the summary, the result and the error. */
    Q_INVOKABLE void reset();
    /** A file name for an export: `<Documents>/dayboard-<range>.<ext>`. */
    Q_INVOKABLE QString suggestedExportPath(const QString &format, const QString &fromIso,
                                            const QString &toIso) const;
    /** A path for a file: URL (what FileDialog gives), the text itself otherwise. */
    Q_INVOKABLE static QString localPath(const QString &fileOrUrl);
    /** The extension of a format ("json", "ics", "md"). */
    Q_INVOKABLE static QString extensionOf(const QString &format);

signals:
    void controllerChanged();
    void stateChanged();
    /** An export or import ended; `ok` false: `error` says why. */
    void finished(bool ok);

private:
    void begin();
    void fail(const QString &text);
    void succeed(const QString &text);
    ExchangeDays *days();

    QPointer<AppController> m_controller;
    QPointer<SyncSession> m_session;
    ExchangeDays *m_days = nullptr;
    bool m_busy = false;
    QString m_error;
    QString m_result;
    bool m_fileReady = false;
    QString m_fileName;
    ImportDocument m_document;
    QVariantList m_summary;
    int m_counts[3] = { 0, 0, 0 };
};
