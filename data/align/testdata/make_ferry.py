#!/usr/bin/env python3
"""Writes the invented "ferry" fixture: four outlets' versions of one made-up
story, and gold.json in the format of the team's scorer (groups of sentences
that report the same content). Every name, place and figure is invented.

Run from this directory: python3 make_ferry.py
"""
import json

# Each version: a list of paragraphs; a paragraph is a list of
# (group, sentence). Group None: not story (a caption or a boilerplate line).
# A heading paragraph is a one-element list whose sentence has no final stop.
V = {}

V["harbour-gazette"] = [
    [("title", "Ferry Runs Aground Off Marrow Island, Three Hurt")],
    [("lead", "The passenger ferry Saltwind ran aground on a sandbank off Marrow Island early on Saturday, leaving three people injured and 112 passengers stranded for hours."),
     ("when", "The vessel struck the bank at about 6:40 a.m., twenty minutes after leaving Port Keller.")],
    [("rescue-h", "Coast Guard Rescue")],
    [("rescue", "The coast guard sent two lifeboats and a helicopter, and all passengers were taken ashore by 11 a.m."),
     ("injured", "The three injured, two crew members and a passenger, were treated at Keller General Hospital for cuts and a broken wrist.")],
    [("quote", "\u201cThe crew did exactly what they were trained to do,\u201d said harbour master Ilse Varga. \u201cNobody panicked.\u201d")],
    [("cause-h", "Cause Unknown")],
    [("cause", "Investigators from the Maritime Safety Board have begun examining the ship\u2019s navigation records."),
     ("weather", "Fog had been reported in the Kessel Strait overnight, but visibility had improved by dawn, according to the weather service.")],
    [("operator", "Tidewater Lines, which operates the route, said the Saltwind was built in 2004 and passed its last inspection in March."),
     ("history", "It is the second grounding on the route since 2019, when a smaller ferry hit rocks near the same island.")],
    [("service", "Sailings between Port Keller and Marrow Island are suspended until Tuesday.")],
    [(None, "Share this article"), ],
    [(None, "Read more: Island council approves new harbour wall")],
]

V["coastal-times"] = [
    [("title", "Three Injured as Saltwind Ferry Grounds Near Marrow Island")],
    [("lead", "Three people were hurt when a ferry carrying 112 passengers hit a sandbank near Marrow Island on Saturday morning."),
     ("when", "The Saltwind had left Port Keller only twenty minutes earlier and grounded at around 6:40 a.m.")],
    [("operator", "Its operator, Tidewater Lines, said the 2004-built ship had passed an inspection in March.")],
    [("rescue", "Two coast guard lifeboats and a helicopter reached the ferry, and the last passengers came ashore shortly before 11 a.m."),
     ("injured", "Two crew members and one passenger were taken to Keller General Hospital."),
     ("injured", "One of them has a broken wrist.")],
    [("quote", "Harbour master Ilse Varga praised the crew, saying they \u201cdid exactly what they were trained to do.\u201d")],
    [("cause", "The Maritime Safety Board said it would examine the ferry\u2019s navigation records to establish the cause."),
     ("weather", "Forecasters had reported overnight fog in the Kessel Strait.")],
    [("refund", "Passengers will receive full refunds and a free return crossing, the company said.")],
    [("service", "No ferries will sail to the island before Tuesday.")],
]

V["island-radio"] = [
    [("lead", "A ferry with more than 110 passengers on board ran aground off Marrow Island on Saturday, injuring three people, after striking a sandbank shortly after 6:40 in the morning.")],
    [("rescue", "Rescuers in two lifeboats, backed by a coast guard helicopter, had brought everyone ashore by late morning.")],
    [("quote", "\u201cNobody panicked,\u201d harbour master Ilse Varga told Island Radio. \u201cThe crew did exactly what they were trained to do.\u201d")],
    [("history", "The route has seen trouble before: in 2019 a smaller vessel struck rocks close to the island."),
     ("cause", "Safety investigators are now going through the Saltwind\u2019s navigation data.")],
    [("mayor", "Marrow Island mayor Tomas Eberle said the island\u2019s single clinic had been put on alert but was not needed.")],
    [("service", "Crossings are suspended until Tuesday.")],
]

V["daily-wire"] = [
    [("title", "Ferry Grounding Leaves 3 Injured")],
    [(None, "Photo: The Saltwind aground off Marrow Island.")],
    [("lead", "Three people were injured on Saturday when the Saltwind ferry, carrying 112 passengers, ran aground on a sandbank off Marrow Island.")],
    [("cause", "The Maritime Safety Board has opened an investigation and is reviewing navigation records."),
     ("weather", "There had been fog in the Kessel Strait during the night.")],
    [("rescue", "All passengers were rescued by coast guard lifeboats and a helicopter."),
     ("injured", "The injured, two crew and a passenger, were treated for cuts and a broken wrist at Keller General Hospital.")],
    [("operator", "Tidewater Lines said the ship, built in 2004, passed its last inspection in March."),
     ("service", "The company has suspended sailings until Tuesday.")],
    [("mayor", "The island\u2019s mayor, Tomas Eberle, said the local clinic had been on standby.")],
]

def main():
    gold = {"sources": [], "groups": [], "boilerplate": [], "numbers": [], "quotes": []}
    groups = {}
    for name, paras in V.items():
        text = "\n\n".join(" ".join(s for _, s in p) for p in paras) + "\n"
        with open(f"ferry/{name}.txt", "w", encoding="utf-8") as f:
            f.write(text)
        gold["sources"].append(name)
        for i, p in enumerate(paras):
            for g, s in p:
                if g is None:
                    gold["boilerplate"].append({"source": name, "text": s})
                    continue
                # a heading belongs to the group it introduces
                if g.endswith("-h"):
                    g = paras[i + 1][0][0]
                groups.setdefault(g, []).append({"source": name, "text": s})
    for g, members in groups.items():
        gold["groups"].append({"id": g, "members": members})
    with open("ferry/gold.json", "w", encoding="utf-8") as f:
        json.dump(gold, f, indent=1, ensure_ascii=False)
        f.write("\n")

main()
