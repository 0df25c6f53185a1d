package io.coffer.cas.http;

import io.coffer.cas.client.ClientIdentity;
import io.coffer.cas.service.CasControl;
import io.coffer.cas.service.LedgerService;
import io.coffer.cas.service.PolicyService;
import io.coffer.policy.governance.Identity;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.InstantSource;

/** A CAS server on loopback over fakes (or given services), for tests. */
public final class RunningCas implements AutoCloseable {

  public final ClientIdentity serverIdentity = TestTls.identity(Identity.Type.P256, "cas");
  public final ServerMetrics metrics = ServerMetrics.create();
  public final CasServer server;

  public RunningCas(PolicyService policies, CasControl control, LedgerService ledger)
      throws GeneralSecurityException {
    this(policies, control, ledger, new FakeCas());
  }

  public RunningCas(
      PolicyService policies,
      CasControl control,
      LedgerService ledger,
      io.coffer.cas.attest.Workloads workloads)
      throws GeneralSecurityException {
    server =
        CasServer.start(
            new CasServer.Config(
                "127.0.0.1",
                0,
                serverIdentity.key().privateKey(),
                serverIdentity.certificate().certificate(),
                InstantSource.system()),
            CasRoutes.routing(policies, control, ledger, workloads, metrics));
  }

  public RunningCas(FakeCas fake) throws GeneralSecurityException {
    this(fake, fake, fake, fake);
  }

  public URI uri() {
    return URI.create("https://127.0.0.1:" + server.port());
  }

  /** The server's TLS key, to pin. */
  public byte[] serverSpki() {
    return TestTls.spki(serverIdentity.certificate().certificate());
  }

  @Override
  public void close() {
    server.stop();
  }
}
