package io.coffer.cas.governance;

import io.coffer.cas.service.CasException;
import io.coffer.cas.store.CasStore;
import io.coffer.cas.store.CommitListener;
import io.coffer.cas.store.PolicyRow;
import io.coffer.cas.store.PolicyVersionRow;
import io.coffer.cas.store.ProposalRow;
import io.coffer.cas.store.ReadTransaction;
import io.coffer.cas.store.WriteTransaction;
import io.coffer.ledger.log.Ledger;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** A store whose owner rewrites the rows it returns: policy, version and proposal rows. */
final class TamperingStore implements CasStore {

  private final CasStore inner;
  volatile UnaryOperator<PolicyVersionRow> versions = UnaryOperator.identity();
  volatile UnaryOperator<ProposalRow> proposals = UnaryOperator.identity();
  volatile UnaryOperator<PolicyRow> policies = UnaryOperator.identity();

  TamperingStore(CasStore inner) {
    this.inner = inner;
  }

  @Override
  public <T> T write(WriteOperation<T> operation) throws CasException {
    return inner.write(tx -> operation.run(wrap(tx, WriteTransaction.class)));
  }

  @Override
  public <T> T read(ReadOperation<T> operation) throws CasException {
    return inner.read(tx -> operation.run(wrap(tx, ReadTransaction.class)));
  }

  @SuppressWarnings("unchecked")
  private <X> X wrap(X tx, Class<X> type) {
    return (X)
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              Object result;
              try {
                result = method.invoke(tx, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
              return switch (method.getName()) {
                case "policyVersion" -> ((Optional<PolicyVersionRow>) result).map(versions);
                case "policyVersions" ->
                    ((List<PolicyVersionRow>) result).stream().map(versions).toList();
                case "policy" -> ((Optional<PolicyRow>) result).map(policies);
                case "proposal" -> ((Optional<ProposalRow>) result).map(proposals);
                case "proposals", "openProposals" ->
                    ((List<ProposalRow>) result).stream().map(proposals).toList();
                default -> result;
              };
            });
  }

  @Override
  public Ledger ledger() {
    return inner.ledger();
  }

  @Override
  public void onCommit(CommitListener listener) {
    inner.onCommit(listener);
  }

  @Override
  public void close() throws CasException {
    inner.close();
  }
}
