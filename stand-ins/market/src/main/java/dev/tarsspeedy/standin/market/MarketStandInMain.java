package dev.tarsspeedy.standin.market;

import java.net.InetAddress;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the stand-in as a process (the local stack does): {@code java -jar market-standin-VERSION-all.jar --port 8091
 * --seed 42 --demo-session true --kis-appkey K --kis-appsecret S --fsc-key F --finnhub-token T}. Keys left out accept
 * any key (the log says so). The demo session is on unless {@code --demo-session false}. Also {@code --host},
 * {@code --kis-per-second}, {@code --finnhub-per-minute}, {@code --fsc-per-day}, {@code --krx-holidays
 * 2026-01-01,2026-02-16}, {@code --us-holidays ...}, {@code --synthetic-krx 2500} (made-up KOSDAQ listings for
 * benchmarks). Stops on SIGTERM.
 */
public final class MarketStandInMain {

    private MarketStandInMain() {}

    public static void main(String[] args) throws Exception {
        MarketStandIn.Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "; usage: --port N --seed N --demo-session true|false [--kis-appkey K"
                    + " --kis-appsecret S] [--fsc-key F] [--finnhub-token T] [--host ADDRESS] [--kis-per-second N]"
                    + " [--finnhub-per-minute N] [--fsc-per-day N] [--krx-holidays yyyy-MM-dd,...]"
                    + " [--us-holidays ...] [--synthetic-krx N]");
            System.exit(2);
            return;
        }
        MarketStandIn standIn = MarketStandIn.start(options);
        List<String> anyKey = new ArrayList<>();
        if (options.kisAppKey() == null) {
            anyKey.add("KIS");
        }
        if (options.fscKey() == null) {
            anyKey.add("FSC");
        }
        if (options.finnhubToken() == null) {
            anyKey.add("Finnhub");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            standIn.close();
            stopped.countDown();
        }));
        System.out.println("Market stand-in (KIS, FSC, Finnhub) listening on " + standIn.baseUrl()
                + (options.demoSession() ? " in the demo session (every market open, answers marked simulated)" : "")
                + (anyKey.isEmpty() ? "" : "; accepting any key for " + String.join(", ", anyKey)));
        stopped.await();
    }

    /** The options the arguments ask for: port 8091 on the loopback address and the demo session unless told. */
    static MarketStandIn.Options parse(String[] args) {
        MarketStandIn.Options options = MarketStandIn.options()
                .port(8091)
                .host(InetAddress.getLoopbackAddress().getHostAddress())
                .demoSession(true);
        String kisKey = null;
        String kisSecret = null;
        for (int i = 0; i < args.length; i += 2) {
            String arg = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + arg);
            }
            String value = args[i + 1];
            switch (arg) {
                case "--port" -> options.port(Integer.parseInt(value));
                case "--host" -> options.host(value);
                case "--seed" -> options.seed(Long.parseLong(value));
                case "--demo-session" -> options.demoSession(bool(arg, value));
                case "--kis-appkey" -> kisKey = value;
                case "--kis-appsecret" -> kisSecret = value;
                case "--fsc-key" -> options.fscKey(value);
                case "--finnhub-token" -> options.finnhubToken(value);
                case "--kis-per-second" -> options.kisCallsPerSecond(Integer.parseInt(value));
                case "--finnhub-per-minute" -> options.finnhubCallsPerMinute(Integer.parseInt(value));
                case "--fsc-per-day" -> options.fscCallsPerDay(Integer.parseInt(value));
                case "--krx-holidays" -> options.holidays(Market.KRX, days(value));
                case "--us-holidays" -> options.holidays(Market.US, days(value));
                case "--synthetic-krx" -> options.syntheticKrxListings(Integer.parseInt(value));
                default -> throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        if ((kisKey == null) != (kisSecret == null)) {
            throw new IllegalArgumentException("--kis-appkey and --kis-appsecret go together");
        }
        if (kisKey != null) {
            options.kisKey(kisKey, kisSecret);
        }
        return options;
    }

    private static boolean bool(String arg, String value) {
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException(arg + " takes true or false");
        }
        return Boolean.parseBoolean(value);
    }

    private static List<LocalDate> days(String value) {
        List<LocalDate> days = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                try {
                    days.add(LocalDate.parse(part.trim()));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("not a yyyy-MM-dd date: " + part.trim());
                }
            }
        }
        return days;
    }
}
