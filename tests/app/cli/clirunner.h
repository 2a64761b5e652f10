// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QEventLoop>
#include <QJsonDocument>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>
#include <QTimer>

/**
 * @brief Runs dayboard-cli (DAYBOARD_CLI_BINARY) for a test, in an environment of its own: a
 * private runtime folder (XDG_RUNTIME_DIR) and none of the DAYBOARD_* variables unless set here.
 */
struct CliRunner
{
    struct Result
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
        QJsonDocument json() const { return QJsonDocument::fromJson(out); }
        QString describe() const
        {
            return QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
                .arg(exitCode)
                .arg(QString::fromUtf8(out), QString::fromUtf8(err));
        }
    };

    QTemporaryDir runtimeDir;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();

    CliRunner()
    {
        environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir.path());
        environment.remove(QStringLiteral("DAYBOARD_SERVER"));
        environment.remove(QStringLiteral("DAYBOARD_API_KEY"));
    }

    static QString binary() { return qEnvironmentVariable("DAYBOARD_CLI_BINARY"); }

    /** Starts it (for watch and the race test); the caller waits. */
    void start(QProcess &process, const QStringList &arguments) const
    {
        process.setProcessEnvironment(environment);
        process.start(binary(), arguments);
    }

    /** Runs it to the end. */
    Result run(const QStringList &arguments, const QByteArray &input = {}) const
    {
        QProcess process;
        start(process, arguments);
        process.waitForStarted();
        if (!input.isEmpty())
            process.write(input);
        process.closeWriteChannel();
        Result result;
        // Waits in an event loop: the server may be in this process (the app's built-in one).
        if (process.state() != QProcess::NotRunning) {
            QEventLoop loop;
            QTimer timeout;
            QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
            QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
            timeout.start(60000);
            loop.exec();
        }
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished();
        }
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        return result;
    }
};
