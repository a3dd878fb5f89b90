// The quiet part of a large meeting: participants who joined, published a microphone and keep it
// muted, as most people in a meeting of 150 do. One process holds them all; the benchmark starts it
// with the LiveKit URL and one token per participant on standard input (JSON), reads one line per
// joined participant, and ends them all by closing standard input.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"sync"

	"github.com/livekit/protocol/livekit"
	"github.com/livekit/protocol/logger"
	lksdk "github.com/livekit/server-sdk-go/v2"
	"github.com/pion/webrtc/v4"
)

type participant struct {
	Identity string `json:"identity"`
	Token    string `json:"token"`
}

type crowd struct {
	URL          string        `json:"url"`
	Concurrency  int           `json:"concurrency"`
	Participants []participant `json:"participants"`
}

// joinMuted connects one participant without subscribing to anything and publishes a muted
// microphone: the room lists it as a participant with a microphone, and it sends no audio.
func joinMuted(url string, p participant) (*lksdk.Room, error) {
	room, err := lksdk.ConnectToRoomWithToken(url, p.Token, lksdk.NewRoomCallback(), lksdk.WithAutoSubscribe(false))
	if err != nil {
		return nil, err
	}
	track, err := lksdk.NewLocalSampleTrack(webrtc.RTPCodecCapability{MimeType: webrtc.MimeTypeOpus, ClockRate: 48000, Channels: 2})
	if err != nil {
		room.Disconnect()
		return nil, err
	}
	publication, err := room.LocalParticipant.PublishTrack(track, &lksdk.TrackPublicationOptions{Name: "microphone", Source: livekit.TrackSource_MICROPHONE})
	if err != nil {
		room.Disconnect()
		return nil, err
	}
	publication.SetMuted(true)
	return room, nil
}

func main() {
	// The benchmark reads this process's lines; the SDK's own logs would drown them.
	lksdk.SetLogger(logger.GetDiscardLogger())
	var input crowd
	reader := bufio.NewReader(os.Stdin)
	if err := json.NewDecoder(reader).Decode(&input); err != nil {
		fmt.Printf("error - reading the crowd: %v\n", err)
		os.Exit(2)
	}
	if input.Concurrency < 1 {
		input.Concurrency = 1
	}
	var (
		output sync.Mutex
		rooms  []*lksdk.Room
		wait   sync.WaitGroup
	)
	slots := make(chan struct{}, input.Concurrency)
	for _, p := range input.Participants {
		wait.Add(1)
		slots <- struct{}{}
		go func(p participant) {
			defer wait.Done()
			defer func() { <-slots }()
			room, err := joinMuted(input.URL, p)
			output.Lock()
			defer output.Unlock()
			if err != nil {
				fmt.Printf("error %s %v\n", p.Identity, err)
				return
			}
			rooms = append(rooms, room)
			fmt.Printf("joined %s %d\n", p.Identity, len(rooms))
		}(p)
	}
	wait.Wait()
	fmt.Println("ready")
	// Standard input closing (the benchmark ending or dying) ends the crowd.
	_, _ = reader.ReadString(0)
	for _, room := range rooms {
		room.Disconnect()
	}
	fmt.Println("left")
}
