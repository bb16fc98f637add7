// Runs a real Neo4j Community server (embedded API) with a Bolt connector, for machines without Docker.
// Started by src/infra/neo4jServer/localServer.ts with `java -cp <classpath from mvn> Launcher.java <home> <boltPort>`.
// It stops when its parent process goes away: stdin reaching EOF (the parent's pipe closed, even on a
// crash or SIGKILL of the parent) or the parent's pid ending, so no orphaned JVM is left behind.
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

public class Launcher {
  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: Launcher <home-dir> <bolt-port> [page-cache-mb]");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    int boltPort = Integer.parseInt(args[1]);
    long pageCacheMb = args.length > 2 ? Long.parseLong(args[2]) : 512;

    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
        .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", boltPort))
        .setConfig(GraphDatabaseSettings.auth_enabled, false)
        .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
        .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10))
        // The databases are checkpointed and closed before Bolt stops, so Bolt's grace periods (5 s + 5 s by
        // default) only delay the exit; a local server has no clients left to wait for by then.
        .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ZERO)
        .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ZERO)
        .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
        .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(1))
        .build();
    dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME); // fail fast if the store cannot open

    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      dbms.shutdown();
      System.out.println("STOPPED");
      System.out.flush();
    }));

    Thread stdinWatch = new Thread(() -> {
      try {
        InputStream in = System.in;
        while (in.read() != -1) { /* the parent never writes; EOF means it is gone */ }
      } catch (Exception ignored) { }
      stop.countDown();
    }, "parent-stdin-watch");
    stdinWatch.setDaemon(true);
    stdinWatch.start();
    ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(stop::countDown));

    System.out.println("READY bolt://127.0.0.1:" + boltPort);
    System.out.flush();
    stop.await();
    System.exit(0); // runs the shutdown hook
  }
}
