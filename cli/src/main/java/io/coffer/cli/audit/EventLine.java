package io.coffer.cli.audit;

import io.coffer.cas.events.AccessDenied;
import io.coffer.cas.events.AttestationFailed;
import io.coffer.cas.events.AttestationSucceeded;
import io.coffer.cas.events.CasEvent;
import io.coffer.cas.events.CasStarted;
import io.coffer.cas.events.PolicyActivated;
import io.coffer.cas.events.PolicyApproved;
import io.coffer.cas.events.PolicyCreated;
import io.coffer.cas.events.PolicyExpired;
import io.coffer.cas.events.PolicyProposed;
import io.coffer.cas.events.PolicyRejected;
import io.coffer.cas.events.PolicySuperseded;
import io.coffer.cas.events.PolicyWithdrawn;
import io.coffer.cas.events.SecretReleased;
import io.coffer.cas.events.VolumeTagUpdated;
import io.coffer.cli.cas.Printable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One ledger event as {@code coffer audit events} shows it: its index in the log, its type code,
 * its time and the members that tell what happened (the policy, the service, who, the reason, the
 * secrets' names), in that order. Ledger events hold names and hashes, never secret values.
 *
 * @param index the entry's index in the log
 * @param type the event's {@code type} code ({@code access.denied})
 * @param time the event's {@code time}, RFC 3339
 * @param fields the main members, by their names in the entry
 */
record EventLine(long index, String type, String time, Map<String, Object> fields) {

  EventLine {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(time, "time");
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** The line of {@code event}, the entry at {@code index}. */
  static EventLine of(long index, CasEvent event) {
    Map<String, Object> f = new LinkedHashMap<>();
    switch (event) {
      case CasStarted e -> {
        f.put("tee", e.tee());
        f.put("simulated", e.simulated());
      }
      case PolicyCreated e -> {
        f.put("policy", e.name());
        f.put("hash", e.hash());
        f.put("creator", e.creator().toString());
      }
      case PolicyProposed e -> {
        f.put("policy", e.name());
        f.put("proposal", e.proposal());
        f.put("proposer", e.proposer().toString());
      }
      case PolicyApproved e -> {
        f.put("policy", e.name());
        f.put("proposal", e.proposal());
        f.put("voter", e.voter().toString());
      }
      case PolicyRejected e -> {
        f.put("policy", e.name());
        f.put("proposal", e.proposal());
        f.put("voter", e.voter().toString());
      }
      case PolicyWithdrawn e -> {
        f.put("policy", e.name());
        f.put("proposal", e.proposal());
        f.put("by", e.by().toString());
      }
      case PolicySuperseded e -> {
        f.put("policy", e.name());
        f.put("proposal", e.proposal());
        f.put("superseded_by", e.supersededBy());
      }
      case PolicyExpired e -> {
        f.put("policy", e.name());
        f.put("proposal", e.proposal());
      }
      case PolicyActivated e -> {
        f.put("policy", e.name());
        f.put("version", e.version());
        f.put("hash", e.hash());
      }
      case AccessDenied e -> {
        f.put("policy", e.name());
        f.put("operation", e.operation().code());
        f.put("caller", e.caller().toString());
        f.put("reason", e.reason().name());
      }
      case AttestationSucceeded e -> {
        f.put("policy", e.policy());
        f.put("service", e.service());
        f.put("evidence_type", e.evidenceType());
        f.put("simulated", e.simulated());
        f.put("certificate_serial", e.certificateSerial());
      }
      case AttestationFailed e -> {
        f.put("policy", e.policy());
        f.put("service", e.service());
        f.put("reasons", e.reasons().stream().map(AttestationFailed.Reason::code).toList());
      }
      case SecretReleased e -> {
        f.put("policy", e.policy());
        e.service().ifPresent(s -> f.put("service", s));
        e.revealedTo().ifPresent(i -> f.put("revealed_to", i.toString()));
        f.put("secrets", e.secrets().stream().map(SecretReleased.Released::name).toList());
      }
      case VolumeTagUpdated e -> {
        f.put("policy", e.policy());
        f.put("volume", e.volume());
        f.put("service", e.service());
        f.put("generation", e.generation());
      }
    }
    return new EventLine(index, event.type().code(), event.time().toString(), f);
  }

  /** The {@code --json} form: index, type, time and the fields, in one object. */
  Map<String, Object> document() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("index", index);
    d.put("type", type);
    d.put("time", time);
    d.putAll(fields);
    return d;
  }

  /** One line for people: {@code 12 access.denied <time> policy=... reason=...}. */
  String line() {
    String members =
        fields.entrySet().stream()
            .map(m -> m.getKey() + "=" + text(m.getValue()))
            .collect(Collectors.joining(" "));
    return Printable.line(
        String.format("%6d  %-21s  %s  %s", index, type, time, members).stripTrailing());
  }

  private static String text(Object value) {
    return value instanceof List<?> list
        ? list.stream().map(String::valueOf).collect(Collectors.joining(","))
        : String.valueOf(value);
  }
}
