import { describe, expect, it } from "vitest";
import { parseCrmMonXml } from "./pacemaker-status.ts";

// Trimmed from a real `crm_mon -1 --output-as=xml` (Pacemaker 2.1.5) of the scratch controllers.
const res = (id: string, agent: string, role: string, nodes: string[], extra = "") =>
  `<resource id="${id}" resource_agent="${agent}" role="${role}" active="${nodes.length > 0}" orphaned="false" blocked="false" managed="true" failed="false" failure_ignored="false" nodes_running_on="${nodes.length}"${extra}>` +
  nodes.map((n, i) => `<node name="${n}" id="${i + 1}" cached="true"/>`).join("") +
  "</resource>";
const node = (name: string, online: boolean) => `<node name="${name}" id="1" online="${online}" standby="false" type="member"/>`;
const doc = (dc: string, nodes: string, resources: string) => `<pacemaker-result api-version="2.25" request="crm_mon -1 --output-as=xml">
  <pacemakerd sys_from="pacemakerd" state="running" last_updated="2026-11-22 02:29:10Z"/>
  <summary><stack type="corosync"/>${dc}<nodes_configured number="3"/></summary>
  <nodes>${nodes}</nodes>
  <resources>${resources}</resources>
  <node_history><node name="controller-1"><resource_history id="Controller_VIP" orphan="false" migration-threshold="3"/></node></node_history>
  <status code="0" message="OK"/>
</pacemaker-result>`;

describe("parseCrmMonXml", () => {
  it("reads membership, quorum, DC and placement of grouped resources", () => {
    const xml = doc(
      '<current_dc present="true" version="2.1.5" name="controller-3" id="3" with_quorum="true" mixed_version="false"/>',
      node("controller-1", true) + node("controller-2", true) + node("controller-3", true),
      `<group id="g_controller" number_resources="2">${res("Controller_VIP", "ocf:heartbeat:IPaddr2", "Started", ["controller-1"])}${res("keystone", "ocf:haproof:keystone", "Stopped", [])}</group>` +
        `<group id="g_network" number_resources="1">${res("Network_VIP", "ocf:heartbeat:IPaddr2", "Started", ["controller-2"])}</group>`,
    );
    const s = parseCrmMonXml(xml, "controller-1");
    expect(s.online).toEqual(["controller-1", "controller-2", "controller-3"]);
    expect(s.offline).toEqual([]);
    expect(s.quorate).toBe(true);
    expect(s.dc).toBe("controller-3");
    expect(s.placement).toEqual({ Controller_VIP: "controller-1", keystone: null, Network_VIP: "controller-2" });
    expect(s.failed).toEqual([]);
  });

  it("reports a minority partition: offline peers, no quorum", () => {
    const xml = doc(
      '<current_dc present="true" name="controller-1" id="1" with_quorum="false"/>',
      node("controller-1", true) + node("controller-2", false) + node("controller-3", false),
      res("Controller_VIP", "ocf:heartbeat:IPaddr2", "Stopped", []),
    );
    const s = parseCrmMonXml(xml, "controller-1");
    expect(s.quorate).toBe(false);
    expect(s.offline).toEqual(["controller-2", "controller-3"]);
    expect(s.placement.Controller_VIP).toBeNull();
  });

  it("has no quorum without a DC, and shows a resource on two nodes and failures", () => {
    const xml = doc(
      '<current_dc present="false"/>',
      node("controller-1", true),
      res("Controller_VIP", "ocf:heartbeat:IPaddr2", "Started", ["controller-1", "controller-2"]) +
        res("glance", "ocf:haproof:glance", "Started", ["controller-1"], ' failed="true"').replace('failed="false" ', ""),
    );
    const s = parseCrmMonXml(xml, "controller-1");
    expect(s.quorate).toBe(false);
    expect(s.dc).toBeNull();
    expect(s.runningOn.Controller_VIP).toEqual(["controller-1", "controller-2"]);
    expect(s.placement.Controller_VIP).toBe("controller-1");
    expect(s.failed).toEqual(["glance"]);
  });

  it("rejects output that is not crm_mon XML", () => {
    expect(() => parseCrmMonXml("crm_mon: Error: cluster is not available on this node", "controller-2")).toThrow(/controller-2/);
  });

  it("does not count the stale lrm history of a node back from a kill, before its controller joined", () => {
    // As crm_mon printed it 1 s after controller-1 restarted (feature set not yet announced).
    const back = '<node name="controller-1" id="1" online="true" standby="false" pending="false" feature_set="&lt;3.15.1" resources_running="3" type="member"/>';
    const xml = doc(
      '<current_dc present="true" name="controller-3" id="3" with_quorum="true"/>',
      back + node("controller-2", true) + node("controller-3", true),
      res("keystone", "ocf:haproof:keystone", "Started", ["controller-1", "controller-2"]),
    );
    expect(parseCrmMonXml(xml, "controller-2").runningOn.keystone).toEqual(["controller-2"]);
    expect(parseCrmMonXml(xml.replace('feature_set="&lt;3.15.1"', 'feature_set="3.16.1"'), "controller-2").runningOn.keystone).toEqual(["controller-1", "controller-2"]);
  });

  it("does not count the stale lrm history of a node still joining (pending) as a second copy", () => {
    const pendingNode = '<node name="controller-1" id="1" online="true" standby="false" pending="true" type="member"/>';
    const xml = doc(
      '<current_dc present="true" name="controller-3" id="3" with_quorum="true"/>',
      pendingNode + node("controller-2", true) + node("controller-3", true),
      res("keystone", "ocf:haproof:keystone", "Started", ["controller-1", "controller-2"]),
    );
    expect(parseCrmMonXml(xml, "controller-2").runningOn.keystone).toEqual(["controller-2"]);
    // Once joined, two copies are two copies.
    expect(parseCrmMonXml(xml.replace('pending="true"', 'pending="false"'), "controller-2").runningOn.keystone).toEqual(["controller-1", "controller-2"]);
  });
});
