package dev.tarsspeedy.standin.kakaopay;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the stand-in as a process (the local stack does): {@code java -jar kakaopay-standin.jar --port 18090
 * --secret-key DEV-SECRET [--host 127.0.0.1] [--cid TC0ONETIME]}. The secret key may also come from
 * {@code KAKAOPAY_SECRET_KEY}. Stops on SIGTERM.
 */
public final class KakaopayStandInMain {

    private KakaopayStandInMain() {}

    public static void main(String[] args) throws Exception {
        int port = 0;
        String secretKey = System.getenv("KAKAOPAY_SECRET_KEY");
        String host = InetAddress.getLoopbackAddress().getHostAddress();
        String cid = KakaopayStandIn.TEST_CID;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (arg) {
                case "--port" -> port = Integer.parseInt(require(arg, value));
                case "--secret-key" -> secretKey = require(arg, value);
                case "--host" -> host = require(arg, value);
                case "--cid" -> cid = require(arg, value);
                default -> {
                    System.err.println("unknown argument " + arg
                            + "; usage: --port N --secret-key KEY [--host ADDRESS] [--cid CID]");
                    System.exit(2);
                }
            }
            i++;
        }
        if (secretKey == null || secretKey.isBlank()) {
            System.err.println("--secret-key (or KAKAOPAY_SECRET_KEY) is required");
            System.exit(2);
        }
        KakaopayStandIn standIn =
                KakaopayStandIn.start(new InetSocketAddress(host, port), secretKey, Set.of(cid), Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            standIn.close();
            stopped.countDown();
        }));
        System.out.println("Kakaopay stand-in listening on " + standIn.baseUrl());
        stopped.await();
    }

    private static String require(String name, String value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return value;
    }
}
