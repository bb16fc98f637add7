// The bulk path of `cskg load` (src/write/bulk.ts): imports the CSV files the loader wrote into a NEW,
// empty store folder with Neo4j's offline importer (what `neo4j-admin database import full` runs), then
// opens that store once to create the indexes and constraints of cypher/schema.cypher, waits until they
// are online, reports the counts, and shuts the store down cleanly. It never touches the live store: the
// loader swaps store folders only after this has succeeded.
//
//   java -cp <classpath> BulkImport <new-home> <import-args-file> <schema-file> <page-cache-mb>
//
// <import-args-file> holds the arguments of `import full`, one per line; <schema-file> one Cypher
// statement per line. Lines starting with "CSKG " on stdout are for the loader (phase, progress, result);
// everything else is the importer's own report, which the loader keeps in its log.
//
// A CSV field cannot hold an empty list: the importer drops empty array values (CsvInputParser skips
// them), while the transactional loader stores `caveats: []`. So the loader writes the one-element list
// [EMPTY_LIST] for an empty list, and the input is wrapped here to turn it back into an empty array
// before it reaches the store. The marker is a private-use character the loader refuses to see in data.
//
// Like Launcher.java it dies with its parent: EOF on stdin (the parent's pipe closed, even on SIGKILL)
// halts the JVM at once, leaving a half-written store folder that the next start deletes.
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.neo4j.batchimport.api.Configuration;
import org.neo4j.batchimport.api.InputIterable;
import org.neo4j.batchimport.api.InputIterator;
import org.neo4j.batchimport.api.input.Collector;
import org.neo4j.batchimport.api.input.IdType;
import org.neo4j.batchimport.api.input.Input;
import org.neo4j.batchimport.api.input.InputChunk;
import org.neo4j.batchimport.api.input.InputEntityVisitor;
import org.neo4j.batchimport.api.input.PropertySizeCalculator;
import org.neo4j.batchimport.api.input.ReadableGroups;
import org.neo4j.cli.ContextInjectingFactory;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.schema.IndexDefinition;
import org.neo4j.graphdb.schema.Schema;
import org.neo4j.importer.ImportCommand;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.api.KernelTransaction;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import org.neo4j.token.api.TokenConstants;
import picocli.CommandLine;

public class BulkImport {
  /** Written by src/write/csv.ts for an empty list (U+E000, a private-use character). */
  static final String EMPTY_LIST = "\uE000";

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println("usage: BulkImport <new-home> <import-args-file> <schema-file> <page-cache-mb>");
      System.exit(2);
    }
    watchParent();
    Path home = Path.of(args[0]).toAbsolutePath();
    List<String> importArgs = new ArrayList<>();
    importArgs.add("full");
    for (String line : Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)) {
      if (!line.isEmpty()) importArgs.add(line);
    }
    List<String> schema = Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8);
    long pageCacheMb = Long.parseLong(args[3]);

    say("PHASE import");
    ExecutionContext context = new ExecutionContext(home, home.resolve("conf"));
    CommandLine.IFactory factory = new CommandLine.IFactory() {
      private final CommandLine.IFactory base = new ContextInjectingFactory(context);

      @Override
      public <K> K create(Class<K> type) throws Exception {
        return type == ImportCommand.Full.class ? type.cast(new EmptyListsFull(context)) : base.create(type);
      }
    };
    int code = new CommandLine(new ImportCommand(), factory).execute(importArgs.toArray(String[]::new));
    if (code != 0) {
      say("FAILED import (exit " + code + ")");
      System.exit(1);
    }

    say("PHASE indexes");
    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
        .setConfig(GraphDatabaseSettings.auth_enabled, false)
        .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
        .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(30))
        .build();
    try {
      GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
      // The indexes first, in one transaction: they are populated in the background by one scan of the
      // nodes for all of them, not one scan each. The constraints then, in another: each populates and
      // checks its own index before the transaction commits, one after the other, on the other core
      // while the first scan runs.
      execute(db, schema.stream().filter(s -> !s.isBlank() && !isConstraint(s)).toList());
      execute(db, schema.stream().filter(BulkImport::isConstraint).toList());
      awaitIndexes(db);
      say("PHASE counts");
      say("RESULT " + counts(db));
    } finally {
      dbms.shutdown();
    }
    say("DONE peakRssMb=" + peakRssMb());
    System.exit(0);
  }

  private static boolean isConstraint(String statement) {
    return statement.strip().toUpperCase(java.util.Locale.ROOT).startsWith("CREATE CONSTRAINT");
  }

  private static void execute(GraphDatabaseService db, List<String> statements) {
    try (Transaction tx = db.beginTx()) {
      for (String statement : statements) tx.execute(statement).close();
      tx.commit();
    }
  }

  /** Reports population progress every second until every index is online (a FAILED one throws). */
  private static void awaitIndexes(GraphDatabaseService db) {
    for (;;) {
      try (Transaction tx = db.beginTx()) {
        double sum = 0;
        int n = 0;
        for (IndexDefinition index : tx.schema().getIndexes()) {
          sum += tx.schema().getIndexPopulationProgress(index).getCompletedPercentage();
          n += 1;
        }
        say("PROGRESS indexes " + Math.round(n == 0 ? 100 : sum / n));
        try {
          tx.schema().awaitIndexesOnline(1, TimeUnit.SECONDS);
          tx.commit();
          return;
        } catch (IllegalStateException stillPopulating) {
          if (stillPopulating.getMessage() != null && stillPopulating.getMessage().contains("FAILED")) {
            throw stillPopulating;
          }
        }
      }
    }
  }

  /**
   * What the store holds, as JSON: the loader compares it with what it wrote before swapping. Read from the
   * counts store through the kernel (what a `MATCH (n:Label) RETURN count(n)` is planned into), without
   * Cypher, whose planner is cold in this JVM.
   */
  private static String counts(GraphDatabaseService db) {
    try (Transaction tx = db.beginTx()) {
      KernelTransaction kernel = ((InternalTransaction) tx).kernelTransaction();
      long notOnline = 0;
      for (IndexDefinition index : tx.schema().getIndexes()) {
        if (tx.schema().getIndexState(index) != Schema.IndexState.ONLINE) notOnline += 1;
      }
      String json = String.format(
          "{\"entities\":%d,\"passages\":%d,\"meta\":%d,\"chains\":%d,\"chainLinks\":%d,\"nodes\":%d,"
              + "\"relationships\":%d,\"indexesNotOnline\":%d}",
          countNodes(kernel, "Entity"), countNodes(kernel, "Passage"), countNodes(kernel, "Meta"),
          countNodes(kernel, "Chain"), countNodes(kernel, "ChainLink"),
          kernel.dataRead().countsForNode(TokenConstants.ANY_LABEL),
          kernel.dataRead().countsForRelationship(
              TokenConstants.ANY_LABEL, TokenConstants.ANY_RELATIONSHIP_TYPE, TokenConstants.ANY_LABEL),
          notOnline);
      tx.commit();
      return json;
    }
  }

  private static long countNodes(KernelTransaction kernel, String label) {
    int id = kernel.tokenRead().nodeLabel(label);
    return id == TokenConstants.NO_TOKEN ? 0 : kernel.dataRead().countsForNode(id);
  }

  private static void say(String line) {
    PrintStream out = System.out;
    synchronized (out) {
      out.println("CSKG " + line);
      out.flush();
    }
  }

  /** VmHWM of this JVM (Linux), the peak resident memory of the import and the index build. */
  private static long peakRssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    } catch (IOException | NumberFormatException ignored) {
      // not Linux: unknown
    }
    return -1;
  }

  private static void watchParent() {
    Thread watch = new Thread(() -> {
      try {
        InputStream in = System.in;
        while (in.read() != -1) { /* the parent never writes; EOF means it is gone */ }
      } catch (IOException ignored) {
        // the pipe broke: the parent is gone too
      }
      Runtime.getRuntime().halt(3);
    }, "parent-stdin-watch");
    watch.setDaemon(true);
    watch.start();
    ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(() -> Runtime.getRuntime().halt(3)));
  }

  /** `import full`, with its input wrapped so that the empty-list marker becomes an empty array. */
  public static class EmptyListsFull extends ImportCommand.Full {
    public EmptyListsFull(ExecutionContext context) {
      super(context);
    }

    @Override
    protected void doImport(org.neo4j.io.fs.FileSystemAbstraction fs, org.neo4j.io.layout.DatabaseLayout layout,
        org.neo4j.configuration.Config config, org.neo4j.scheduler.JobScheduler scheduler,
        org.neo4j.logging.InternalLogProvider logProvider, org.neo4j.io.pagecache.tracing.PageCacheTracer tracer,
        org.neo4j.io.pagecache.context.CursorContextFactory contextFactory, Configuration importConfig,
        org.neo4j.logging.internal.LogService logService, PrintStream out, PrintStream err, boolean verbose,
        Collector collector, org.neo4j.memory.MemoryTracker memoryTracker, Input input) throws IOException {
      super.doImport(fs, layout, config, scheduler, logProvider, tracer, contextFactory, importConfig, logService,
          out, err, verbose, collector, memoryTracker, new EmptyListInput(input));
    }
  }

  static final class EmptyListInput implements Input {
    private final Input input;

    EmptyListInput(Input input) {
      this.input = input;
    }

    @Override
    public InputIterable nodes(Collector collector) {
      return wrap(input.nodes(collector));
    }

    @Override
    public InputIterable relationships(Collector collector) {
      return wrap(input.relationships(collector));
    }

    @Override
    public IdType idType() {
      return input.idType();
    }

    @Override
    public ReadableGroups groups() {
      return input.groups();
    }

    @Override
    public Input.Estimates validateAndEstimate(PropertySizeCalculator calculator) throws IOException {
      return input.validateAndEstimate(calculator);
    }

    @Override
    public Map<String, org.neo4j.internal.schema.SchemaDescriptor> referencedNodeSchema(
        org.neo4j.token.TokenHolders tokens) {
      return input.referencedNodeSchema(tokens);
    }

    @Override
    public List<org.neo4j.internal.schema.SchemaCommand> schemaCommands() {
      return input.schemaCommands();
    }

    @Override
    public org.neo4j.internal.schema.SchemaTokens schemaTokens() {
      return input.schemaTokens();
    }

    @Override
    public void close() {
      input.close();
    }

    private static InputIterable wrap(InputIterable iterable) {
      return () -> {
        InputIterator inner = iterable.iterator();
        return new InputIterator() {
          @Override
          public InputChunk newChunk() {
            return new Chunk(inner.newChunk());
          }

          @Override
          public boolean next(InputChunk chunk) throws IOException {
            return inner.next(((Chunk) chunk).inner);
          }

          @Override
          public void close() throws IOException {
            inner.close();
          }
        };
      };
    }
  }

  static final class Chunk implements InputChunk {
    final InputChunk inner;
    private InputEntityVisitor seen;
    private InputEntityVisitor decorated;

    Chunk(InputChunk inner) {
      this.inner = inner;
    }

    @Override
    public boolean next(InputEntityVisitor visitor) throws IOException {
      if (visitor != seen) {
        seen = visitor;
        decorated = new InputEntityVisitor.Delegate(visitor) {
          @Override
          public boolean property(String key, Object value) {
            boolean empty = value instanceof String[] list && list.length == 1 && EMPTY_LIST.equals(list[0]);
            return super.property(key, empty ? new String[0] : value);
          }
        };
      }
      return inner.next(decorated);
    }

    @Override
    public void close() throws IOException {
      inner.close();
    }
  }
}
